// The Unmanaged console: plain JavaScript over the JSON API of the same server (/api/v1).
// Every text that comes from a host or the inventory is hostile: it only ever reaches the page as a text node or
// an attribute value (el() below), never as HTML.
'use strict';

const API = '/api/v1';
const TOKEN_KEY = 'unmanaged.token';
const state = {
  catalog: null,
  unmanaged: [],       // descriptors of the current listing
  selected: new Set(), // host + '/' + uuid of the rows checked for a bulk import
  importing: null,     // the descriptor in the import form
  unmanaging: null,    // the managed record in the unmanage dialog
  bulkId: null,
  bulkNames: new Map(), // uuid -> name of the instances of the bulk import shown
};

// ---- DOM helpers -------------------------------------------------------------------------------------------

/** An element with properties (class, text, attributes, on* listeners) and children (nodes or text). */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') node[key] = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = (selector) => document.querySelector(selector);

function clear(node) {
  node.replaceChildren();
  return node;
}

function bytes(value) {
  if (value === null || value === undefined) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = value;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return (Number.isInteger(n) ? n : n.toFixed(1)) + ' ' + units[unit];
}

let messageTimer = null;

function say(text, isError) {
  const box = $('#message');
  box.textContent = text;
  box.className = 'message' + (isError ? ' error' : '');
  box.hidden = false;
  clearTimeout(messageTimer);
  messageTimer = setTimeout(() => { box.hidden = true; }, isError ? 10000 : 4000);
}

// ---- API ---------------------------------------------------------------------------------------------------

/** An answer that is not 2xx: its typed error, and the problems of a rejected import. */
class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || { code: 'HTTP_' + status, message: 'the server answered ' + status };
    super(error.code + ': ' + error.message);
    this.status = status;
    this.code = error.code;
    this.problems = (body && body.problems) || [];
  }
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    const bearer = token();
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(API + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const type = response.headers.get('Content-Type') || '';
  const answer = type.startsWith('application/json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401) showTokenForm();
    throw new ApiError(response.status, answer);
  }
  return answer;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

// ---- token -------------------------------------------------------------------------------------------------

/** The token arrives in the address's fragment (never sent to a server); it is kept for this tab only. */
function takeTokenFromAddress() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (!token()) showTokenForm();
}

function showTokenForm() {
  $('#token-form').hidden = false;
}

$('#token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('#token').value.trim();
  if (!value) return;
  sessionStorage.setItem(TOKEN_KEY, value);
  $('#token').value = '';
  $('#token-form').hidden = true;
  say('Token set for this tab.');
});

// ---- unmanaged instances -----------------------------------------------------------------------------------

function stateBadge(powerState) {
  return el('span', { class: 'state ' + powerState }, powerState);
}

function warningsCell(warnings) {
  if (!warnings || warnings.length === 0) return el('td', { class: 'num' }, '0');
  const blocking = warnings.filter((w) => w.blocksImport).length;
  const title = warnings.map((w) => w.code + ': ' + w.message).join('\n');
  return el('td', { class: 'num', title },
    el('span', { class: blocking ? 'blocks' : 'warn' }, String(warnings.length) + (blocking ? ' (blocks import)' : '')));
}

function rowKey(instance) {
  return instance.hostId + '/' + instance.uuid;
}

function unmanagedRow(instance) {
  const key = rowKey(instance);
  const disks = instance.disks.filter((d) => d.device === 'disk').length;
  return el('tr', { dataset: { name: instance.name, host: instance.hostId } },
    el('td', {},
      el('input', {
        type: 'checkbox',
        class: 'select',
        'aria-label': 'Select ' + instance.name,
        checked: state.selected.has(key),
        disabled: !instance.uuid,
        onchange: (event) => {
          if (event.target.checked) state.selected.add(key); else state.selected.delete(key);
          updateBulkButton();
        },
      })),
    el('td', {}, el('button', { type: 'button', class: 'link details', onclick: () => showDetails(instance) }, instance.name)),
    el('td', {}, stateBadge(instance.powerState)),
    el('td', { class: 'num' }, String(instance.cpu.vcpus)),
    el('td', { class: 'num' }, bytes(instance.memory.currentBytes)),
    el('td', { class: 'num' }, String(disks)),
    el('td', { class: 'num' }, String(instance.nics.length)),
    warningsCell(instance.warnings),
    el('td', {}, el('button', {
      type: 'button',
      class: 'import',
      disabled: !instance.uuid,
      'aria-label': 'Import ' + instance.name,
      onclick: () => openImport(instance),
    }, 'Import…')));
}

async function loadUnmanaged() {
  const listing = await call('GET', '/instances' + query({ name: $('#filter').value.trim() }));
  state.unmanaged = listing.instances;
  const byHost = new Map();
  for (const instance of listing.instances) {
    if (!byHost.has(instance.hostId)) byHost.set(instance.hostId, []);
    byHost.get(instance.hostId).push(instance);
  }
  const hosts = clear($('#hosts'));
  for (const [host, instances] of byHost) {
    hosts.append(
      el('h3', { class: 'host' }, 'Host ', host),
      el('table', { class: 'grid unmanaged', dataset: { host } },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Select')),
          el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'State'),
          el('th', { scope: 'col', class: 'num' }, 'vCPUs'), el('th', { scope: 'col', class: 'num' }, 'Memory'),
          el('th', { scope: 'col', class: 'num' }, 'Disks'), el('th', { scope: 'col', class: 'num' }, 'NICs'),
          el('th', { scope: 'col', class: 'num' }, 'Warnings'),
          el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Actions')))),
        el('tbody', {}, instances.map(unmanagedRow))));
  }
  for (const failure of listing.failures) {
    hosts.append(el('p', { class: 'blocks' }, 'Host ', failure.hostId, ' could not be listed: ',
      failure.error.code, ': ', failure.error.message));
  }
  const shown = listing.instances.length;
  $('#unmanaged-summary').textContent = shown + ' unmanaged instance' + (shown === 1 ? '' : 's')
    + ' on ' + byHost.size + ' host' + (byHost.size === 1 ? '' : 's')
    + (listing.totalMatching > shown ? ' (first ' + shown + ' of ' + listing.totalMatching + ')' : '');
  const present = new Set(listing.instances.map(rowKey));
  for (const key of [...state.selected]) if (!present.has(key)) state.selected.delete(key);
  updateBulkButton();
}

function updateBulkButton() {
  const button = $('#bulk-open');
  button.disabled = state.selected.size === 0;
  button.textContent = state.selected.size ? 'Import ' + state.selected.size + ' selected…' : 'Import selected…';
}

// ---- details -----------------------------------------------------------------------------------------------

function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '–')]));
}

function showDetails(instance) {
  $('#details-title').textContent = instance.name;
  const body = clear($('#details-body'));
  body.append(facts([
    ['UUID', instance.uuid],
    ['Host', instance.hostId],
    ['State', instance.powerState],
    ['Persistent', instance.persistent === null ? 'unknown' : instance.persistent ? 'yes' : 'no'],
    ['vCPUs', instance.cpu.vcpus + ' of ' + instance.cpu.maxVcpus],
    ['Memory', bytes(instance.memory.currentBytes) + ' of ' + bytes(instance.memory.maxBytes)],
    ['OS', [instance.os.type, instance.os.arch, instance.os.machine].filter(Boolean).join(' ')],
    ['Firmware', instance.os.firmware],
  ]));
  body.append(el('h3', {}, 'Disks'), el('table', { class: 'grid compact' },
    el('thead', {}, el('tr', {}, ['Device', 'Kind', 'Type', 'Format', 'Source', 'Capacity'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, instance.disks.map((d) => el('tr', {},
      el('td', {}, d.deviceName), el('td', {}, d.device), el('td', {}, d.type), el('td', {}, d.driverType),
      el('td', {}, d.source), el('td', {}, bytes(d.capacityBytes)))))));
  body.append(el('h3', {}, 'NICs'), el('table', { class: 'grid compact' },
    el('thead', {}, el('tr', {}, ['MAC', 'Type', 'Model', 'Source', 'VLANs', 'Guest addresses'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, instance.nics.map((n) => el('tr', {},
      el('td', {}, n.mac), el('td', {}, n.type), el('td', {}, n.model), el('td', {}, n.source),
      el('td', {}, n.vlanTags.join(', ')),
      el('td', {}, n.guestAddresses.map((a) => a.address + '/' + a.prefix).join(', ')))))));
  body.append(el('h3', {}, 'Warnings'), instance.warnings.length === 0 ? el('p', {}, 'None.')
    : el('ul', { class: 'problems' }, instance.warnings.map((w) => el('li', { class: w.blocksImport ? 'BLOCK' : 'WARN' },
      el('code', {}, w.code), ' ', w.message))));
  $('#details').showModal();
}

// ---- the catalog's choices ---------------------------------------------------------------------------------

function options(select, entries, placeholder) {
  clear(select);
  if (placeholder) select.append(el('option', { value: '' }, placeholder));
  for (const entry of entries) select.append(el('option', { value: entry.id }, entry.name + ' (' + entry.id + ')'));
}

async function loadCatalog() {
  state.catalog = await call('GET', '/catalog');
  const c = state.catalog;
  options($('#import-owner'), c.owners);
  options($('#import-offering'), c.offerings);
  options($('#bulk-owner'), c.owners);
  options($('#bulk-offering'), c.offerings);
  options($('#bulk-network'), c.networks);
  options($('#bulk-pool'), c.pools);
}

// ---- import ------------------------------------------------------------------------------------------------

function openImport(instance) {
  state.importing = instance;
  $('#import-title').textContent = 'Import ' + instance.name + ' from ' + instance.hostId;
  $('#import-display-name').value = '';
  const nics = clear($('#import-nics tbody'));
  for (const nic of instance.nics.filter((n) => n.mac)) {
    const network = el('select', { class: 'nic-network', dataset: { mac: nic.mac }, 'aria-label': 'Network for ' + nic.mac });
    options(network, state.catalog.networks, '— choose a network —');
    nics.append(el('tr', {},
      el('td', {}, nic.mac),
      el('td', {}, [nic.type, nic.source].filter(Boolean).join(' ')),
      el('td', {}, network),
      el('td', {}, el('input', { class: 'nic-ip', value: 'auto', dataset: { mac: nic.mac }, 'aria-label': 'IP for ' + nic.mac, autocomplete: 'off' }))));
  }
  const disks = clear($('#import-disks tbody'));
  for (const disk of instance.disks.filter((d) => d.device === 'disk' && d.deviceName)) {
    const pool = el('select', { class: 'disk-pool', dataset: { device: disk.deviceName }, 'aria-label': 'Pool for ' + disk.deviceName });
    options(pool, state.catalog.pools, '— choose a pool —');
    disks.append(el('tr', {}, el('td', {}, disk.deviceName), el('td', {}, disk.source), el('td', {}, pool)));
  }
  clear($('#import-plan'));
  $('#import-dialog').showModal();
  $('#import-owner').focus();
  checkPlan();
}

function importBody() {
  const instance = state.importing;
  const body = {
    host: instance.hostId,
    instance: instance.uuid,
    ownerId: $('#import-owner').value || null,
    offeringId: $('#import-offering').value || null,
    displayName: $('#import-display-name').value.trim() || null,
    networkByMac: {},
    ipByMac: {},
    poolByDisk: {},
  };
  for (const select of document.querySelectorAll('#import-nics .nic-network')) {
    if (select.value) body.networkByMac[select.dataset.mac] = select.value;
  }
  for (const input of document.querySelectorAll('#import-nics .nic-ip')) {
    if (input.value.trim()) body.ipByMac[input.dataset.mac] = input.value.trim();
  }
  for (const select of document.querySelectorAll('#import-disks .disk-pool')) {
    if (select.value) body.poolByDisk[select.dataset.device] = select.value;
  }
  return body;
}

function problemList(problems) {
  return el('ul', { class: 'problems' }, problems.map((p) => el('li', { class: p.severity },
    el('code', {}, p.code), ' ', el('span', { class: 'subject' }, p.subject), ': ', p.message)));
}

function showPlan(target, importable, problems, whenOk) {
  clear(target).append(
    el('p', { class: 'verdict ' + (importable ? 'ok' : 'blocked') },
      importable ? whenOk : 'Blocked by ' + problems.filter((p) => p.severity === 'BLOCK').length + ' problem(s): nothing is written.'),
    problems.length ? problemList(problems) : el('p', {}, 'No problems.'));
}

function showError(target, error) {
  clear(target).append(el('p', { class: 'verdict blocked' }, error.code || 'ERROR'), el('p', {}, error.message));
}

let planSequence = 0;

async function checkPlan() {
  if (!state.importing) return;
  const sequence = ++planSequence;
  const target = $('#import-plan');
  try {
    const plan = await call('POST', '/imports/plan', importBody());
    if (sequence === planSequence) showPlan(target, plan.importable, plan.problems, 'Importable.');
  } catch (error) {
    if (sequence === planSequence) showError(target, error);
  }
}

let planTimer = null;
$('#import-form').addEventListener('change', () => {
  clearTimeout(planTimer);
  planTimer = setTimeout(checkPlan, 200);
});
$('#import-check').addEventListener('click', checkPlan);

$('#import-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const target = $('#import-plan');
  const submit = $('#import-submit');
  submit.disabled = true;
  try {
    const result = await call('POST', '/imports', importBody());
    $('#import-dialog').close();
    say('Imported ' + result.instance.name + ' (' + result.instance.uuid + ').');
    await refresh();
  } catch (error) {
    if (error.code === 'IMPORT_REJECTED') showPlan(target, false, error.problems, '');
    else showError(target, error);
  } finally {
    submit.disabled = false;
  }
});

$('#import-dialog').addEventListener('close', () => { state.importing = null; });

// ---- bulk import -------------------------------------------------------------------------------------------

$('#bulk-open').addEventListener('click', () => {
  $('#bulk-selection').textContent = state.selected.size + ' instance(s): '
    + state.unmanaged.filter((i) => state.selected.has(rowKey(i))).map((i) => i.name).join(', ');
  $('#bulk-dialog').showModal();
});

$('#bulk-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = state.unmanaged.filter((i) => state.selected.has(rowKey(i)));
  const network = $('#bulk-network').value;
  const pool = $('#bulk-pool').value;
  const imports = chosen.map((instance) => ({
    host: instance.hostId,
    instance: instance.uuid,
    ownerId: $('#bulk-owner').value,
    offeringId: $('#bulk-offering').value,
    networkByMac: Object.fromEntries(instance.nics.filter((n) => n.mac).map((n) => [n.mac, network])),
    ipByMac: Object.fromEntries(instance.nics.filter((n) => n.mac).map((n) => [n.mac, 'auto'])),
    poolByDisk: Object.fromEntries(instance.disks.filter((d) => d.device === 'disk' && d.deviceName).map((d) => [d.deviceName, pool])),
  }));
  try {
    const started = await call('POST', '/imports/bulk', { imports });
    $('#bulk-dialog').close();
    state.selected.clear();
    state.bulkId = started.id;
    state.bulkNames = new Map(chosen.map((i) => [i.uuid, i.name]));
    $('#bulk-progress').hidden = false;
    clear($('#bulk-outcomes'));
    showBulk(started.done, started.total);
    if (started.finished) await finishBulk(started.id);
  } catch (error) {
    say(error.message, true);
  }
});

function showBulk(done, total) {
  const bar = $('#bulk-bar');
  bar.max = total;
  bar.value = done;
  $('#bulk-status').textContent = done + ' of ' + total + ' done';
}

function bulkEvent(progress) {
  if (progress.id !== state.bulkId) return;
  showBulk(progress.done, progress.total);
  $('#bulk-outcomes').append(el('li', { class: progress.status === 'SUCCEEDED' ? '' : 'blocks' },
    state.bulkNames.get(progress.key) || progress.key, ': ', progress.status, progress.error ? ' — ' + progress.error.code + ': ' + progress.error.message : ''));
  if (progress.done === progress.total) finishBulk(progress.id);
}

async function finishBulk(id) {
  const job = await call('GET', '/imports/bulk/' + encodeURIComponent(id));
  if (!job.finished) return;
  const outcomes = job.result.outcomes;
  const succeeded = outcomes.filter((o) => o.status === 'SUCCEEDED').length;
  $('#bulk-status').textContent = 'Finished: ' + succeeded + ' imported, ' + (outcomes.length - succeeded) + ' not.';
  await refresh();
}

// ---- managed instances -------------------------------------------------------------------------------------

function managedRow(record) {
  return el('tr', { dataset: { name: record.name, host: record.host.id } },
    el('td', {}, record.name),
    el('td', {}, record.host.id),
    el('td', {}, record.ownerId),
    el('td', {}, record.offeringId),
    el('td', { class: 'num' }, String(record.vcpus)),
    el('td', { class: 'num' }, bytes(record.memoryBytes)),
    el('td', {}, new Date(record.importedAt).toLocaleString()),
    el('td', {}, el('button', {
      type: 'button', class: 'unmanage', 'aria-label': 'Unmanage ' + record.name, onclick: () => openUnmanage(record),
    }, 'Unmanage…')));
}

async function loadManaged() {
  const listing = await call('GET', '/managed');
  clear($('#managed tbody')).append(...listing.instances.map(managedRow));
  const n = listing.instances.length;
  $('#managed-summary').textContent = n === 0 ? 'Nothing is managed yet.' : n + ' managed instance' + (n === 1 ? '' : 's');
}

function unmanagePath(record, suffix) {
  return '/managed/' + encodeURIComponent(record.uuid) + '/unmanage' + suffix + query({ host: record.host.id });
}

async function openUnmanage(record) {
  state.unmanaging = record;
  $('#unmanage-title').textContent = 'Unmanage ' + record.name;
  const target = clear($('#unmanage-plan'));
  $('#unmanage-dialog').showModal();
  try {
    const plan = await call('POST', unmanagePath(record, '/plan'));
    const blocked = plan.problems.some((p) => p.severity === 'BLOCK');
    target.append(facts([
      ['Record', plan.record.name + ' (' + plan.record.uuid + ')'],
      ['On host', plan.record.host.id + ', ' + plan.powerState],
      ['Defined persistently first', plan.definesPersistently ? 'yes (it is transient now)' : 'no need'],
      ['Reservations released', plan.releasedReservations.map((n) => n.mac + ' on ' + n.networkId
        + (n.ipAddress ? ' (' + n.ipAddress + ')' : '')).join(', ') || 'none'],
    ]));
    showPlanInto(target, !blocked, plan.problems);
    $('#unmanage-submit').disabled = blocked;
  } catch (error) {
    showError(target, error);
  }
}

function showPlanInto(target, ok, problems) {
  target.append(el('p', { class: 'verdict ' + (ok ? 'ok' : 'blocked') },
    ok ? 'The instance stays on its host as it is; only the inventory forgets it.' : 'Blocked: nothing would change.'));
  if (problems.length) target.append(problemList(problems));
}

$('#unmanage-submit').addEventListener('click', async () => {
  const record = state.unmanaging;
  try {
    await call('POST', unmanagePath(record, ''));
    $('#unmanage-dialog').close();
    say('Unmanaged ' + record.name + '.');
    await refresh();
  } catch (error) {
    showError($('#unmanage-plan'), error);
  }
});

// ---- live updates ------------------------------------------------------------------------------------------

let refreshTimer = null;

function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refresh().catch((error) => say(error.message, true)), 300);
}

async function refresh() {
  await Promise.all([loadUnmanaged(), loadManaged()]);
}

function connectEvents() {
  const live = $('#live');
  const events = new EventSource(API + '/events');
  events.addEventListener('open', () => {
    live.textContent = 'Live';
    live.className = 'live on';
  });
  events.addEventListener('error', () => {
    live.textContent = 'Reconnecting…';
    live.className = 'live off';
  });
  events.addEventListener('watch', (event) => {
    const change = JSON.parse(event.data);
    if (change.event !== 'SYNCED') refreshSoon();
  });
  events.addEventListener('bulk', (event) => bulkEvent(JSON.parse(event.data)));
}

// ---- start -------------------------------------------------------------------------------------------------

for (const button of document.querySelectorAll('dialog .close')) {
  button.addEventListener('click', () => button.closest('dialog').close());
}

let filterTimer = null;
$('#filter').addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => loadUnmanaged().catch((error) => say(error.message, true)), 200);
});

takeTokenFromAddress();
loadCatalog()
  .then(refresh)
  .then(() => document.body.classList.add('ready'))
  .catch((error) => say(error.message, true));
connectEvents();

package dev.unmanaged.console;

import dev.unmanaged.core.WatchEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a watch event, shared by {@code unmanaged watch --json} and the console's event stream:
 * {@code event, host, uuid, name, state, time}, and {@code detail} when the event has one.
 */
public final class WatchEventJson {
    private WatchEventJson() {
    }

    /** The fields of {@code event}, in order, for the JSON mapper. */
    public static Map<String, Object> fields(WatchEvent event) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("event", event.kind().name());
        fields.put("host", event.hostId());
        fields.put("uuid", event.uuid() == null ? null : event.uuid().toString());
        fields.put("name", event.name());
        fields.put("state", event.descriptor() == null ? null : event.descriptor().powerState().name());
        fields.put("time", event.at().toString());
        if (event.detail() != null) {
            fields.put("detail", event.detail());
        }
        return fields;
    }
}

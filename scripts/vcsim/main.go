// Command vcsim serves VMware's vCenter simulator (govmomi's simulator package) for the vSphere provider's
// live tests: a vCenter 6.5 model on 127.0.0.1 over TLS (Go's built-in self-signed localhost certificate),
// vim25 SOAP on /sdk. It prints one line "url=https://HOST:PORT/sdk" once it is ready (never the password) and
// stops, removing the model's temporary files, on SIGTERM or SIGINT.
//
// Built offline in GOPATH mode against the Debian package golang-github-vmware-govmomi-dev; see
// scripts/vsphere-sim.sh.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (port 0 picks a free port)")
	hosts := flag.Int("hosts", 1, "standalone ESXi hosts per datacenter")
	clusters := flag.Int("clusters", 1, "clusters per datacenter")
	clusterHosts := flag.Int("cluster-hosts", 2, "ESXi hosts per cluster")
	machines := flag.Int("vms", 2, "generated VMs per host and per cluster (0 for none)")
	datacenters := flag.Int("datacenters", 1, "datacenters")
	portgroups := flag.Int("portgroups", 1, "distributed port groups (0: only the standard switch's 'VM Network')")
	user := flag.String("user", "", "the only user name that logs in (any non-empty pair logs in when empty)")
	delays := flag.String("delay", "", "METHOD=MILLIS[,METHOD=MILLIS...]: slow these SOAP methods down")
	flag.Parse()
	// The fixed password comes from the environment, so that it is never seen in a process listing.
	password := os.Getenv("VCSIM_PASSWORD")

	model := simulator.VPX()
	model.Datacenter = *datacenters
	model.Host = *hosts
	model.Cluster = *clusters
	model.ClusterHost = *clusterHosts
	model.Machine = *machines
	model.Portgroup = *portgroups
	// Delays apply once the model is built (Create turns them on).
	if *delays != "" {
		model.DelayConfig.MethodDelay = map[string]int{}
		for _, entry := range strings.Split(*delays, ",") {
			parts := strings.SplitN(entry, "=", 2)
			millis, err := strconv.Atoi(strings.TrimSpace(parts[len(parts)-1]))
			if len(parts) != 2 || err != nil {
				fail("-delay: expected METHOD=MILLIS, got %q", entry)
			}
			model.DelayConfig.MethodDelay[strings.TrimSpace(parts[0])] = millis
		}
	}

	if err := model.Create(); err != nil {
		fail("creating the model: %v", err)
	}
	defer model.Remove()

	model.Service.Listen = &url.URL{Host: *listen}
	if *user != "" {
		model.Service.Listen.User = url.UserPassword(*user, password)
	}
	model.Service.TLS = new(tls.Config)
	server := model.Service.NewServer()
	defer server.Close()

	ready := *server.URL
	ready.User = nil
	fmt.Printf("url=%s\n", ready.String())

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	<-signals
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "vcsim: "+format+"\n", args...)
	os.Exit(1)
}

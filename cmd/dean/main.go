// Command dean scores every ward's police against the Ministry's 22 criteria for a
// model ward police and writes the periodic reports. See the README.
package main

import (
	"os"
	"runtime/debug"
	"runtime/pprof"
)

// memoryLimit is the heap dean aims to stay under unless GOMEMLIMIT says
// otherwise: a nationwide report needs less, and without a limit the collector
// lets garbage grow to twice what is live. It is a target, not a cap: work that
// truly needs more still gets it.
const memoryLimit = 350 << 20

// gcPercent lets the heap grow to five times what is live before a collection
// rather than twice: a run's live heap is small (about 10 KB a ward), so under
// the limit above the collector ran often for nothing — a tenth of the CPU
// time of a nationwide score.
const gcPercent = 400

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(profiled(func() int { return run(os.Args[1:], os.Stdout, os.Stderr) }))
}

// profiled writes a CPU profile to $DEAN_CPUPROFILE when it is set: the speed
// targets are measured on the real binary (bench/run.sh), so that is where a
// profile must come from too.
func profiled(f func() int) int {
	path := os.Getenv("DEAN_CPUPROFILE")
	if path == "" {
		return f()
	}
	out, err := os.Create(path)
	if err != nil || pprof.StartCPUProfile(out) != nil {
		return f()
	}
	defer out.Close()
	defer pprof.StopCPUProfile()
	return f()
}

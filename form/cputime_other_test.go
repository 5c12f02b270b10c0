//go:build !unix

package form

import "time"

func cpuTime() time.Duration { return 0 }

// Package parallel runs independent pieces of work on every core.
package parallel

import (
	"runtime"
	"sync"
)

// For runs do(0) … do(n-1) on up to GOMAXPROCS goroutines, taken in order so
// that they also finish about in order (an import stores files in the order
// given, holding those read early), and returns when all are done. A panic in any is raised again on the caller's goroutine once all
// are done, where the command's recover reports it as the program's own error:
// no worker may end the process with a stack trace, nor leave the others stuck.
func For(n int, do func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var crash any
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				func() {
					defer func() {
						if r := recover(); r != nil {
							once.Do(func() { crash = r })
						}
					}()
					do(i)
				}()
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if crash != nil {
		panic(crash)
	}
}

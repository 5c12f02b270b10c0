package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"dean/criteria"
)

// progressDelay is how long work runs before progress shows: a moment's work
// needs none. DEAN_PROGRESS_DELAY (a Go duration) sets it, for tests.
func progressDelay() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("DEAN_PROGRESS_DELAY")); err == nil {
		return d
	}
	return time.Second
}

// progress shows long work getting on — files and wards done, elapsed, what
// remains — on stderr when it is a terminal, never when it is piped or a file,
// nor with --quiet. It is safe for many goroutines.
type progress struct {
	w       io.Writer // nil: silent
	what    string    // "Đọc biểu mẫu"
	unit    string    // "tệp"
	total   int
	start   time.Time
	delay   time.Duration
	mu      sync.Mutex
	done    int
	wards   int
	bar     *progressbar.ProgressBar
	stopped bool
}

// newProgress starts progress over total items (files, or wards to write).
func newProgress(stderr io.Writer, quiet bool, total int, what, unit string) *progress {
	p := &progress{what: what, unit: unit, total: total, start: time.Now(), delay: progressDelay()}
	if f, ok := stderr.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.w = stderr
	}
	return p
}

// Item notes one item done; Ward one ward read.
func (p *progress) Item() { p.add(1, 0) }
func (p *progress) Ward() { p.add(0, 1) }

func (p *progress) add(items, wards int) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += items
	p.wards += wards
	if p.stopped {
		return
	}
	if p.bar == nil {
		if time.Since(p.start) < p.delay {
			return
		}
		p.bar = progressbar.NewOptions(p.total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetItsString(p.unit),
			progressbar.OptionShowCount(),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(20),
			progressbar.OptionClearOnFinish(),
		)
	}
	desc := p.what
	if p.wards > 0 {
		desc += fmt.Sprintf(" (%s phường)", criteria.FormatInt(int64(p.wards)))
	}
	p.bar.Describe(desc)
	p.bar.Set(p.done)
}

// Spin keeps the progress moving while work of unknown length runs (total -1
// shows a spinner and the time elapsed); the returned function stops it.
func (p *progress) Spin() (stop func()) {
	if p == nil || p.w == nil {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p.add(0, 0)
			}
		}
	}()
	return func() {
		close(done)
		p.Finish()
	}
}

// Finish clears the line, so what the command prints next starts clean.
func (p *progress) Finish() {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil && !p.stopped {
		p.bar.Finish()
	}
	p.stopped = true
}

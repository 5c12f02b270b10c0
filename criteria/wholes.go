package criteria

import "slices"

// Wholes lists the inputs that id is a part of, nearest first: the input it is
// declared part_of, the whole of any share it is measured as, and theirs in turn.
// A part may exceed none of them, whether or not the nearer ones were filled in.
// The slice is shared: do not change it.
func (s *Set) Wholes(id string) []*Input { return slices.Clip(s.wholes[id]) }

func (s *Set) findWholes(id string) []*Input {
	var out []*Input
	seen := map[string]bool{id: true}
	queue := []string{id}
	for len(queue) > 0 {
		in := s.inputs[queue[0]]
		queue = queue[1:]
		if in == nil {
			continue
		}
		for _, w := range directWholes(in) {
			if !seen[w] && s.inputs[w] != nil {
				seen[w] = true
				out = append(out, s.inputs[w])
				queue = append(queue, w)
			}
		}
	}
	return out
}

// directWholes are the part_of input and the denominators of the input's own
// shares.
func directWholes(in *Input) []string {
	var ws []string
	if in.PartOf != "" {
		ws = append(ws, in.PartOf)
	}
	var walk func(r *Rule)
	walk = func(r *Rule) {
		if r == nil {
			return
		}
		if r.Measure == Ratio && r.Input == in.ID && r.Other != "" {
			ws = append(ws, r.Other)
		}
		for _, x := range r.Any {
			walk(x)
		}
		for _, x := range r.All {
			walk(x)
		}
	}
	walk(in.Rule)
	return ws
}

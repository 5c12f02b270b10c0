package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"dean/score"
)

// Criteria is the criteria a run scored with: the file's bytes (so an old run's
// explanations can be rebuilt), and the thresholds in force after any --set.
type Criteria struct {
	YAML    []byte
	Version string
	Params  map[string]string // name → value as written ("6 %")
	IDs     []string          // the criteria in order: TC01 … TC22
}

// sha is the criteria file's fingerprint.
func (c Criteria) sha() string {
	sum := sha256.Sum256(c.YAML)
	return hex.EncodeToString(sum[:])
}

// Run is one scoring of stored submissions.
type Run struct {
	ID       int64
	Kind     string // "import" or "rescore"
	Criteria Criteria
	At       time.Time
}

// Result is a run's outcome for one stored submission.
type Result struct {
	Submission int64
	Passed     int
	Total      int
	Verdicts   map[string]score.Verdict // by criterion id
}

// ResultOf keeps of a card what the archive stores: the verdicts and the count.
func ResultOf(sub int64, c score.Card) Result {
	r := Result{Submission: sub, Passed: c.Passed, Total: c.Total, Verdicts: make(map[string]score.Verdict, len(c.Criteria))}
	for _, cr := range c.Criteria {
		r.Verdicts[cr.ID] = cr.Verdict
	}
	return r
}

var letters = map[score.Verdict]byte{score.Pass: 'P', score.Fail: 'F', score.NA: 'N', score.Missing: 'M'}

func encodeVerdicts(ids []string, vs map[string]score.Verdict) string {
	b := make([]byte, len(ids))
	for i, id := range ids {
		b[i] = letters[vs[id]]
		if b[i] == 0 {
			b[i] = 'M'
		}
	}
	return string(b)
}

func decodeVerdicts(ids []string, s string) map[string]score.Verdict {
	vs := make(map[string]score.Verdict, len(ids))
	for i, id := range ids {
		if i >= len(s) {
			break
		}
		for v, l := range letters {
			if l == s[i] {
				vs[id] = v
			}
		}
	}
	return vs
}

func encodeParams(ps map[string]string) string {
	b, _ := json.Marshal(ps) // map keys are sorted: the same thresholds, the same text
	return string(b)
}

func decodeParams(s string) map[string]string {
	ps := map[string]string{}
	json.Unmarshal([]byte(s), &ps)
	return ps
}

func splitIDs(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

const timeFormat = time.RFC3339

func stamp(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(timeFormat, s)
	return t
}

package criteria_test

import (
	"testing"

	"dean"
	"dean/criteria"
)

func TestDefaultCriteria(t *testing.T) {
	s, err := criteria.Parse(dean.DefaultCriteria, "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Criteria()); got != 22 {
		t.Errorf("criteria: got %d, want 22", got)
	}
	if got := len(s.Areas); got != 7 {
		t.Errorf("areas: got %d, want 7", got)
	}
	if got := len(s.Inputs()); got == 0 {
		t.Error("no inputs")
	}
	t.Logf("%d inputs", len(s.Inputs()))
}

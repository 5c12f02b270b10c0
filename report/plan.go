package report

import "dean/plan"

// Plan and Progress are the Đề án's timetable and a year's count against it.
type (
	Plan     = plan.Plan
	Progress = plan.Progress
)

// DefaultPlan is the plan of Đề án 03/ĐA-UBND (2022).
func DefaultPlan() Plan { return plan.Default() }

package guides

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// fixtureCodes is the finding-code list the small fixture trees are
// validated against.
func fixtureCodes() []string { return []string{"underpriced"} }

// loadFixture builds a library from one YAML file, alone.
func loadFixture(t *testing.T, path string) (*Library, []error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return build(fstest.MapFS{"tree.yaml": {Data: data}}, fixtureCodes())
}

func problemKinds(t *testing.T, errs []error) []ProblemKind {
	t.Helper()
	seen := map[ProblemKind]bool{}
	for _, err := range errs {
		var p *Problem
		if !errors.As(err, &p) {
			t.Fatalf("not a *Problem: %v", err)
		}
		seen[p.Kind] = true
	}
	var kinds []ProblemKind
	for k := range seen {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
	return kinds
}

func TestValidateRealContent(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatalf("embedded guides do not load:\n%v", err)
	}
	if errs := lib.Validate(); len(errs) > 0 {
		t.Fatalf("embedded guides have problems:\n%v", errors.Join(errs...))
	}
}

func TestValidateMinimalFixture(t *testing.T) {
	if _, errs := loadFixture(t, "testdata/ok/minimal.yaml"); len(errs) > 0 {
		t.Fatalf("the base fixture must be sound, got:\n%v", errors.Join(errs...))
	}
}

// TestValidateBrokenFixtures checks that every kind of broken content is
// reported, and reported precisely: each fixture changes the sound base in
// one way and must produce that kind of problem and no other.
func TestValidateBrokenFixtures(t *testing.T) {
	tests := []struct {
		name string
		want ProblemKind
	}{
		{name: "parse", want: ProblemParse},
		{name: "unknown-field", want: ProblemParse},
		{name: "dangling", want: ProblemDangling},
		{name: "unreachable", want: ProblemUnreachable},
		{name: "cycle", want: ProblemNoWayOut},
		{name: "few-options", want: ProblemFewOptions},
		{name: "missing-translation", want: ProblemTranslation},
		{name: "untranslated", want: ProblemTranslation},
		{name: "english-in-zh", want: ProblemTranslation},
		{name: "finding-no-answer", want: ProblemNoAnswer},
		{name: "unknown-finding", want: ProblemUnknownFinding},
		{name: "missing-status", want: ProblemMissingStatus},
		{name: "placeholder", want: ProblemPlaceholder},
		{name: "placeholder-mismatch", want: ProblemPlaceholder},
		{name: "duplicate", want: ProblemDuplicate},
		{name: "bad-match", want: ProblemMatch},
		{name: "misplaced-field", want: ProblemSchema},
	}
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("%d fixtures in testdata/broken, %d rows in this table: keep them in step", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := loadFixture(t, filepath.Join("testdata/broken", tt.name+".yaml"))
			got := problemKinds(t, errs)
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("want only %q, got %q:\n%v", tt.want, got, errors.Join(errs...))
			}
		})
	}
}

// TestValidateNamesEnglishLeftInChinese checks that English left in a
// Chinese text is reported with the words, where it is.
func TestValidateNamesEnglishLeftInChinese(t *testing.T) {
	_, errs := loadFixture(t, "testdata/broken/english-in-zh.yaml")
	if len(errs) != 1 {
		t.Fatalf("want one problem, got:\n%v", errors.Join(errs...))
	}
	want := "guides: tree.yaml: fixture/c: missing translation: prompt: the zh text leaves English untranslated: the transaction"
	if got := errs[0].Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestLoadFSReportsEveryProblem(t *testing.T) {
	data, err := os.ReadFile("testdata/ok/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Three independent breakages in one file: all must be reported.
	broken := strings.NewReplacer(
		", unknown: a}", "}",
		"    action: {en: Tap Speed up., zh: 点加速。}\n", "    action: {en: Tap Speed up., zh: 点加速。}\n    related: [nowhere]\n",
		"      - label: {en: Tell me, zh: 告诉我}\n        next: a\n", "",
	).Replace(string(data))
	_, err = LoadFS(fstest.MapFS{"tree.yaml": {Data: []byte(broken)}})
	if err == nil {
		t.Fatal("LoadFS accepted a broken tree")
	}
	for _, want := range []ProblemKind{ProblemDangling, ProblemFewOptions, ProblemMissingStatus, ProblemNoAnswer} {
		if !strings.Contains(err.Error(), string(want)) {
			t.Errorf("error does not report %q:\n%v", want, err)
		}
	}
}

func TestLoadFSEmpty(t *testing.T) {
	if _, err := LoadFS(fstest.MapFS{}); err == nil {
		t.Fatal("an empty directory must not load")
	}
}

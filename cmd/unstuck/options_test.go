package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/guides"
)

func optionsApp(out *bytes.Buffer) *app {
	return &app{stdin: strings.NewReader(""), stdout: out, stderr: out, lang: guides.En,
		getenv: func(string) string { return "" }, isTTY: func() bool { return false }}
}

// The built-in data is parsed once per app, however many commands ask.
func TestBuiltOncePerApp(t *testing.T) {
	a := optionsApp(new(bytes.Buffer))
	r1, err1 := a.registry()
	r2, err2 := a.registry()
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if r1 != r2 {
		t.Error("registry: parsed again on the second use")
	}
	l1, err1 := a.library()
	l2, err2 := a.library()
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if l1 != l2 {
		t.Error("guides: parsed again on the second use")
	}
	c1, err1 := a.channels()
	c2, err2 := a.channels()
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if c1 != c2 {
		t.Error("channel list: parsed again on the second use")
	}
	if b, _ := optionsApp(new(bytes.Buffer)).registry(); b == r1 {
		t.Error("two apps share one registry: it must be the app's own")
	}
}

// A command's run takes its options without cobra. `unstuck guide ""` is
// an id that names nothing, not the index that a bare `unstuck guide` is.
func TestRunGuideWithoutCobra(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	a := optionsApp(&out)
	if err := a.runGuide(ctx, guideOptions{index: true}); err != nil {
		t.Fatal(err)
	}
	lib, err := a.library()
	if err != nil {
		t.Fatal(err)
	}
	var index bytes.Buffer
	if err := lib.RenderIndex(&index, guides.En); err != nil {
		t.Fatal(err)
	}
	if out.String() != index.String() {
		t.Errorf("guide without an id:\n%s\nwant the index:\n%s", out.String(), index.String())
	}
	var usage usageError
	if err := a.runGuide(ctx, guideOptions{id: " "}); !errors.As(err, &usage) || !strings.Contains(err.Error(), `no guide or step called ""`) {
		t.Errorf("guide \" \": %v, want bad input naming the empty id", err)
	}
	out.Reset()
	if err := a.runGuide(ctx, guideOptions{id: "transfer", graph: true}); err != nil || out.Len() == 0 {
		t.Errorf("guide transfer --graph: %v, %d bytes", err, out.Len())
	}
}

func TestRunExplainWithoutCobra(t *testing.T) {
	var out bytes.Buffer
	a := optionsApp(&out)
	if err := a.runExplain(context.Background(), explainOptions{text: "replacement transaction underpriced", asJSON: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"input": "replacement transaction underpriced"`) || !strings.Contains(out.String(), `"guide": "`) {
		t.Errorf("explain --json:\n%s", out.String())
	}
}

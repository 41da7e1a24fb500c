package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// goStrings is what one Go file says: its error variables by name and
// every message template passed to errors.New, fmt.Errorf or fmt.Sprintf.
type goStrings struct {
	vars      map[string]string
	templates []string
}

// parseGo reads one Go source file.
func parseGo(path string) (goStrings, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return goStrings{}, err
	}
	out := goStrings{vars: map[string]string{}}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) {
					if s, ok := messageOf(n.Values[i]); ok {
						out.vars[name.Name] = s
					}
				}
			}
		case *ast.CallExpr:
			if s, ok := messageOf(n); ok {
				out.templates = append(out.templates, s)
			}
		}
		return true
	})
	return out, nil
}

// messageOf returns the message of errors.New("…"), fmt.Errorf("…", …),
// fmt.Sprintf("…", …) or a bare string constant expression.
func messageOf(e ast.Expr) (string, bool) {
	if call, ok := e.(*ast.CallExpr); ok {
		if len(call.Args) == 0 {
			return "", false
		}
		if fn, ok := call.Fun.(*ast.Ident); ok && strings.HasSuffix(fn.Name, "Error") {
			// btcd's txRuleError(code, "message").
			return constString(call.Args[len(call.Args)-1])
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		pkg, ok := sel.X.(*ast.Ident)
		if !ok {
			return "", false
		}
		switch pkg.Name + "." + sel.Sel.Name {
		case "errors.New", "fmt.Errorf", "fmt.Sprintf":
			return constString(call.Args[0])
		}
		return "", false
	}
	return constString(e)
}

// constString evaluates a string literal or a + of string literals.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok := constString(e.X)
		if !ok {
			return "", false
		}
		b, ok := constString(e.Y)
		return a + b, ok
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// goRoute sends one Go error to a node: by variable name, or by the start
// a part of a message template in that file.
type goRoute struct {
	file  string // path inside the module
	name  string // variable name, or ""
	text  string // a part of the message template, when name is ""
	guide string
}

// goModule extracts a module's routed errors from the module cache.
func goModule(modcache, module, version, licence string, routes []goRoute) ([]Entry, error) {
	root := filepath.Join(modcache, modulePath(module)+"@"+version)
	files := map[string]goStrings{}
	var out []Entry
	for _, r := range routes {
		gs, ok := files[r.file]
		if !ok {
			var err error
			gs, err = parseGo(filepath.Join(root, filepath.FromSlash(r.file)))
			if err != nil {
				return nil, fmt.Errorf("%s@%s: %w", module, version, err)
			}
			files[r.file] = gs
		}
		src := module + "@" + version + " " + r.file
		if r.name != "" {
			msg, ok := gs.vars[r.name]
			if !ok {
				return nil, fmt.Errorf("%s: no error variable %s", src, r.name)
			}
			out = append(out, phrases(r.guide, "en", msg, src+" "+r.name, licence)...)
			continue
		}
		found := false
		for _, t := range gs.templates {
			if !strings.Contains(t, r.text) {
				continue
			}
			found = true
			// Keep the fragments that carry the routed text: the others
			// ("transaction output %d: …") say nothing about the node.
			for _, e := range phrases(r.guide, "en", t, src, licence) {
				if strings.Contains(e.Key, r.text) || strings.Contains(r.text, e.Key) {
					out = append(out, e)
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("%s: no message contains %q", src, r.text)
		}
	}
	return out, nil
}

// modulePath escapes upper-case letters the way the module cache does.
func modulePath(m string) string {
	var b strings.Builder
	for _, r := range m {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('!')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return filepath.FromSlash(b.String())
}

package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/unstuck-dev/unstuck/guides"
)

// KeyMap is every key the app knows, nested per screen. Each screen model
// implements help.KeyMap over its part and disables what does nothing at
// the moment, so the footer never lies.
type KeyMap struct {
	Global  GlobalKeys
	Home    HomeKeys
	Walker  WalkerKeys
	Check   CheckKeys
	Result  ResultKeys
	Refusal RefusalKeys
	Explain ExplainKeys
	Lookup  LookupKeys
	Verify  VerifyKeys
}

// GlobalKeys work on every screen (the root handles them).
type GlobalKeys struct {
	Interrupt key.Binding
	Quit      key.Binding
	Help      key.Binding
	Back      key.Binding
	Lang      key.Binding
}

// HomeKeys move through the entry points.
type HomeKeys struct {
	Up, Down, Open key.Binding
	Move           key.Binding // help only: up and down in one entry
}

// WalkerKeys walk a guide.
type WalkerKeys struct {
	Up, Down, Choose, Number, PageUp, PageDown key.Binding
	Move, Scroll                               key.Binding // help only
}

// CheckKeys drive the text input of a check.
type CheckKeys struct {
	Submit, Prev, Next, Skip key.Binding
	Examples                 key.Binding // help only: Prev and Next
	Yes, No                  key.Binding // is a bare 64-hex a transaction ID?
}

// ResultKeys act on a diagnosis.
type ResultKeys struct {
	Up, Down, Open, PageUp, PageDown key.Binding
	Top, Bottom                      key.Binding
	Watch, Target, Save, Copy, Again key.Binding
	Confirm, Cancel                  key.Binding
	Move                             key.Binding // help only
}

// RefusalKeys leave the refusal screen.
type RefusalKeys struct {
	OK, Guide key.Binding
}

// ExplainKeys decode an error text and open a match.
type ExplainKeys struct {
	Submit, Up, Down, Open key.Binding
	Move                   key.Binding // help only
}

// LookupKeys act on an account or endpoint check.
type LookupKeys struct {
	Up, Down, Open, PageUp, PageDown key.Binding
	Move                             key.Binding // help only
}

// VerifyKeys check a support contact, or pick a wallet, and go on.
type VerifyKeys struct {
	Submit, Up, Down, Open, PageUp, PageDown key.Binding
	Move                                     key.Binding // help only
}

// newKeyMap builds the key map with help texts in lang.
func newKeyMap(lang guides.Lang) KeyMap {
	b := func(keys []string, k, en, zh string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, lang.Pick(en, zh)))
	}
	up := func() key.Binding { return b([]string{"up", "k"}, "↑/k", "up", "上") }
	down := func() key.Binding { return b([]string{"down", "j"}, "↓/j", "down", "下") }
	pgUp := func() key.Binding { return b([]string{"pgup", "b"}, "pgup", "scroll up", "上翻") }
	pgDown := func() key.Binding { return b([]string{"pgdown", "f", " "}, "pgdn", "scroll down", "下翻") }
	move := func() key.Binding { return b([]string{"up", "down"}, "↑/↓", "move", "移动") }
	return KeyMap{
		Global: GlobalKeys{
			Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "exit now", "立即退出"),
			Quit:      b([]string{"q"}, "q", "quit", "退出"),
			Help:      b([]string{"?"}, "?", "help", "帮助"),
			Back:      b([]string{"esc"}, "esc", "back", "返回"),
			Lang:      b([]string{"l"}, "l", "中文", "English"),
		},
		Home: HomeKeys{
			Up: up(), Down: down(),
			Open: b([]string{"enter"}, "enter", "open", "打开"),
			Move: move(),
		},
		Walker: WalkerKeys{
			Up: up(), Down: down(),
			Choose:   b([]string{"enter"}, "enter", "choose", "选择"),
			Number:   b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "pick", "选择"),
			PageUp:   pgUp(),
			PageDown: pgDown(),
			Move:     move(),
			Scroll:   b([]string{"up", "down"}, "↑/↓", "scroll", "滚动"),
		},
		Check: CheckKeys{
			Submit:   b([]string{"enter"}, "enter", "check", "查询"),
			Prev:     b([]string{"up"}, "↑", "previous example", "上一个示例"),
			Next:     b([]string{"down"}, "↓", "next example", "下一个示例"),
			Skip:     b([]string{"ctrl+n"}, "ctrl+n", "I don't have one", "我没有"),
			Examples: b([]string{"up", "down"}, "↑/↓", "examples", "示例"),
			Yes:      b([]string{"y"}, "y", "it is a transaction ID: check it", "是交易 ID：查询"),
			No:       b([]string{"n", "enter"}, "n", "no: clear it", "不是：清除"),
		},
		Result: ResultKeys{
			Up: up(), Down: down(),
			Open:     b([]string{"enter"}, "enter", "open", "打开"),
			PageUp:   pgUp(),
			PageDown: pgDown(),
			Top:      b([]string{"home"}, "home", "top", "顶部"),
			Bottom:   b([]string{"end"}, "end", "bottom", "底部"),
			Watch:    b([]string{"w"}, "w", "watch", "关注"),
			Target:   b([]string{"t"}, "t", "target", "目标"),
			Save:     b([]string{"s"}, "s", "save", "保存"),
			Copy:     b([]string{"c"}, "c", "copy", "复制"),
			Again:    b([]string{"n"}, "n", "another", "再查"),
			Confirm:  b([]string{"enter"}, "enter", "confirm", "确定"),
			Cancel:   b([]string{"esc"}, "esc", "cancel", "取消"),
			Move:     move(),
		},
		Refusal: RefusalKeys{
			OK:    b([]string{"enter"}, "enter", "back to the input", "返回输入"),
			Guide: b([]string{"g"}, "g", "I already shared it", "我已经泄露了"),
		},
		Explain: ExplainKeys{
			Submit: b([]string{"enter"}, "enter", "decode", "解读"),
			Up:     b([]string{"up"}, "↑", "up", "上"),
			Down:   b([]string{"down"}, "↓", "down", "下"),
			Open:   b([]string{"enter"}, "enter", "open answer", "打开解答"),
			Move:   move(),
		},
		Lookup: LookupKeys{
			Up: up(), Down: down(),
			Open:     b([]string{"enter"}, "enter", "open", "打开"),
			PageUp:   pgUp(),
			PageDown: pgDown(),
			Move:     move(),
		},
		Verify: VerifyKeys{
			Submit:   b([]string{"enter"}, "enter", "check", "检查"),
			Up:       b([]string{"up"}, "↑", "up", "上"),
			Down:     b([]string{"down"}, "↓", "down", "下"),
			Open:     b([]string{"enter"}, "enter", "open", "打开"),
			PageUp:   b([]string{"pgup"}, "pgup", "scroll up", "上翻"),
			PageDown: b([]string{"pgdown"}, "pgdn", "scroll down", "下翻"),
			Move:     move(),
		},
	}
}

// enable returns b switched on or off.
func enable(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}

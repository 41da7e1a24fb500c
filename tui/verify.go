package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/guides/verify"
)

// verifyModel answers "is this really support?": the user pastes what they
// were given and sees the verdict, the wallet's real channels and the
// safety steps, all judged on this computer. On a guide's channels check it
// is a wallet picker instead, whose choice fills the official-channels
// answer. Text is screened for secrets like every input.
type verifyModel struct {
	d        *deps
	lang     guides.Lang
	keys     VerifyKeys
	node     *guides.Node // the guide's verify or channels check, or nil
	channels bool         // wallet picker mode (a channels check)
	input    textinput.Model
	asked    string         // the text the result is for
	res      *verify.Result // nil until something was checked
	next     menu           // where to go on: the guide's next node, then wallets
	vp       viewport.Model
	width    int
	height   int
}

func newVerify(d *deps, lang guides.Lang, keys VerifyKeys, node *guides.Node) verifyModel {
	m := verifyModel{d: d, lang: lang, keys: keys, node: node, vp: viewport.New(0, 0)}
	m.channels = node != nil && node.Check == guides.CheckChannels
	m.input = newInput(d.st, verifyPlaceholder(lang))
	if m.channels {
		m.input.Blur()
		m.next = newMenu(m.walletItems(), true)
	}
	return m
}

func verifyPlaceholder(lang guides.Lang) string {
	return lang.Pick("e.g. https://token.im, support@token.im, @imTokenOfficial, +1 …", "例如 https://token.im、support@token.im、@imTokenOfficial、+86 …")
}

func (m verifyModel) relang(lang guides.Lang, keys VerifyKeys) verifyModel {
	m.lang, m.keys = lang, keys
	m.input.Placeholder = verifyPlaceholder(lang)
	cursor := m.next.cursor
	if m.channels {
		m.next = newMenu(m.walletItems(), true)
	} else if m.res != nil {
		m = m.check(m.asked)
	}
	m.next.cursor = min(cursor, max(0, len(m.next.items)-1))
	return m.layout()
}

func (m verifyModel) setSize(w, h int) verifyModel {
	m.width, m.height = w, h
	m.input.Width = max(10, w-4)
	return m.layout()
}

func (m verifyModel) focus() tea.Cmd {
	if m.channels {
		return nil
	}
	return textinput.Blink
}

// typing reports whether the text field takes the keys.
func (m verifyModel) typing() bool { return !m.channels }

// fresh says whether the result shown is for the text in the field.
func (m verifyModel) fresh() bool { return m.res != nil && m.input.Value() == m.asked }

// prefill puts text in the field and judges it, as if the user had
// pasted it and pressed enter.
func (m verifyModel) prefill(text string) verifyModel {
	m.input.SetValue(text)
	return m.check(m.input.Value()) // as the field holds it (its length cap)
}

// check judges text against the registry.
func (m verifyModel) check(text string) verifyModel {
	res, err := m.d.channels.Check(text, verify.Options{})
	m.asked = text
	if err != nil {
		m.res = nil
		return m.layout()
	}
	m.res = &res
	var items []menuItem
	if m.node != nil {
		if next, ok := m.d.lib.Route(m.node.ID, string(res.Verdict), nil); ok {
			if n, ok := m.d.lib.Node(next); ok {
				items = append(items, menuItem{label: m.lang.Pick("Continue: ", "继续：") + oneLine(n.Heading(m.lang)), to: next})
			}
		}
	}
	if res.Wallet == nil {
		items = append(items, m.walletItems()...)
	}
	m.next = newMenu(items, true)
	return m.layout()
}

// walletItems offers every wallet of the registry; "to" is its id.
func (m verifyModel) walletItems() []menuItem {
	var items []menuItem
	for _, w := range m.d.channels.Wallets() {
		items = append(items, menuItem{label: w.Name, hint: strings.Join(aliasHint(w), " · "), to: walletPrefix + w.ID})
	}
	return items
}

// walletPrefix marks a menu item that picks a wallet rather than a node.
const walletPrefix = "wallet:"

// aliasHint is a few of a wallet's other names, Chinese first.
func aliasHint(w *verify.Wallet) []string {
	var han, other []string
	for _, n := range w.Names {
		if strings.EqualFold(n, w.Name) || strings.EqualFold(n, w.ID) {
			continue
		}
		if isHanText(n) {
			han = append(han, n)
		} else {
			other = append(other, n)
		}
	}
	out := append(han, other...)
	return out[:min(3, len(out))]
}

func isHanText(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// Update reads the field (screened), checks on enter, scrolls the result
// and opens the chosen next step on a second enter.
func (m verifyModel) Update(msg tea.Msg) (verifyModel, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.openKey()):
			if it, ok := m.next.selected(); ok {
				if id, isWallet := strings.CutPrefix(it.to, walletPrefix); isWallet && !m.channels {
					w, _ := m.d.channels.Wallet(id)
					return m.showWallet(w), nil
				}
				return m, m.open(it)
			}
		case key.Matches(k, m.submitKey()):
			if strings.TrimSpace(m.input.Value()) == "" {
				return m, nil
			}
			return m.check(m.input.Value()), nil
		case key.Matches(k, m.moveKey(m.keys.Up)):
			m.next = m.next.up()
			return m, nil
		case key.Matches(k, m.moveKey(m.keys.Down)):
			m.next = m.next.down()
			return m, nil
		case key.Matches(k, m.scrollKey(m.keys.PageUp)):
			m.vp.PageUp()
			return m, nil
		case key.Matches(k, m.scrollKey(m.keys.PageDown)):
			m.vp.PageDown()
			return m, nil
		}
	}
	if m.channels {
		return m, nil
	}
	var cmd tea.Cmd
	var refused bool
	m.input, cmd, refused = guardInput(m.input, msg, secret.FieldText)
	if refused {
		m.asked, m.res, m.next = "", nil, menu{}
		return m.layout(), emit(refusedMsg{})
	}
	return m, cmd
}

// open follows a next step: a guide node (with the wallet's channels for
// its placeholders), or, on a channels check, the wallet picked.
func (m verifyModel) open(it menuItem) tea.Cmd {
	if id, ok := strings.CutPrefix(it.to, walletPrefix); ok {
		w, found := m.d.channels.Wallet(id)
		next, routed := "", false
		if m.node != nil {
			next, routed = m.d.lib.Route(m.node.ID, guides.StatusOK, nil)
		}
		if !found || !routed {
			return nil
		}
		return emit(openNodeMsg{id: next, crumb: both(w.Name, w.Name), replace: true, vals: channelValues(w, m.lang)})
	}
	var vals map[string]string
	if m.res != nil && m.res.Wallet != nil {
		vals = channelValues(m.res.Wallet, m.lang)
	}
	return emit(openNodeMsg{id: it.to, crumb: both("checked: "+shortText(m.asked), "检查："+shortText(m.asked)), replace: true, vals: vals})
}

// channelValues fill the guides' {wallet} and {wallet_channels}.
func channelValues(w *verify.Wallet, lang guides.Lang) map[string]string {
	var cs []string
	for _, c := range w.Channels {
		cs = append(cs, c.DisplayIn(lang))
	}
	return map[string]string{"wallet": w.Name, "wallet_channels": strings.Join(cs, " · ")}
}

// showWallet checks the text again for the wallet the user picked, and
// shows that wallet's real channels.
func (m verifyModel) showWallet(w *verify.Wallet) verifyModel {
	if m.res == nil || w == nil {
		return m
	}
	// The same check, narrowed to that wallet (as --wallet does).
	res, err := m.d.channels.Check(m.asked, verify.Options{Wallet: w})
	if err != nil {
		return m
	}
	m.res = &res
	items := m.next.items
	var keep []menuItem
	for _, it := range items {
		if !strings.HasPrefix(it.to, walletPrefix) {
			keep = append(keep, it)
		}
	}
	m.next = newMenu(keep, true)
	return m.layout()
}

func (m verifyModel) submitKey() key.Binding {
	return enable(m.keys.Submit, !m.channels && !m.fresh())
}

func (m verifyModel) openKey() key.Binding {
	return enable(m.keys.Open, (m.channels || m.fresh()) && len(m.next.items) > 0)
}

func (m verifyModel) moveKey(b key.Binding) key.Binding {
	return enable(b, (m.channels || m.fresh()) && len(m.next.items) > 1)
}

func (m verifyModel) scrollKey(b key.Binding) key.Binding {
	return enable(b, m.fresh() && m.vp.TotalLineCount() > m.vp.Height)
}

// ShortHelp lists the keys that work now.
func (m verifyModel) ShortHelp() []key.Binding {
	return []key.Binding{m.submitKey(), m.openKey(), m.moveKey(m.keys.Move), m.scrollKey(m.keys.PageDown)}
}

// FullHelp lists the keys in columns.
func (m verifyModel) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.submitKey(), m.openKey(), m.moveKey(m.keys.Up), m.moveKey(m.keys.Down)},
		{m.scrollKey(m.keys.PageUp), m.scrollKey(m.keys.PageDown)}}
}

package secret

import "errors"

// Refusal tells the user why a secret-shaped input was refused and what to
// do if they already shared it. RefusalZH says the same in Simplified
// Chinese.
const (
	Refusal   = "this looks like a recovery phrase or private key; unstuck never needs it and did not send it anywhere. If you shared it with anyone, move your funds to a new wallet now."
	RefusalZH = "这看起来像助记词或私钥；unstuck 从不需要它，也没有把它发送到任何地方。如果你曾把它告诉任何人，请立即把资产转移到一个新钱包。"
)

// RefusalError is an input refused because it holds a secret of Kind. Its
// text is Refusal: it never carries the input.
type RefusalError struct{ Kind Kind }

// Error returns Refusal.
func (e *RefusalError) Error() string { return Refusal }

// IsRefusal reports whether err, or an error it wraps, refused an input as
// a secret.
func IsRefusal(err error) bool {
	var r *RefusalError
	return errors.As(err, &r)
}

package secret

import "testing"

// FuzzDetect: never panics, surrounding whitespace does not change the
// verdict, and a public field is never laxer than free text.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{vector12, zhVector12, privKey, xprv, `{"crypto":{"kdf":"scrypt"}}`, txHash,
		"key: 0x" + privKey, "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", "abandon ability able about"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, ok := Detect(s)
		if ok != (kind != "") {
			t.Fatalf("Detect = %q, %v", kind, ok)
		}
		if k2, ok2 := Detect(" \n" + s + " \t"); k2 != kind || ok2 != ok {
			t.Fatalf("padding changed the verdict: %q → %q", kind, k2)
		}
		if _, pub := DetectIn(FieldPublic, s); ok && !pub {
			t.Fatalf("free text refused, the public field let it through")
		}
		if _, tx := DetectIn(FieldTxID, s); ok && !tx && !IsBareHex64(s) {
			t.Fatalf("the txid field let through more than a bare 64-hex")
		}
		isWIF(s)
	})
}

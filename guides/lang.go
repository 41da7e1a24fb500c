package guides

// Pick returns the words for the language: zh for Chinese, en otherwise.
// It is the one way the command line and the app choose a string.
func (l Lang) Pick(en, zh string) string {
	if l == Zh {
		return zh
	}
	return en
}

// Other is the other content language (what the language key switches to).
func (l Lang) Other() Lang {
	if l == Zh {
		return En
	}
	return Zh
}

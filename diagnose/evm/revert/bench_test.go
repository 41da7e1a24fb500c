package revert

import (
	"testing"
)

func BenchmarkDecode(b *testing.B) {
	d := NewDecoder()
	inputs := []struct {
		name string
		data []byte
	}{
		{name: "Error(string)", data: enc(b, "Error(string)", "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT")},
		{name: "ExecutionFailed", data: enc(b, "ExecutionFailed(uint256,bytes)", bi(1),
			enc(b, "ERC20InsufficientBalance(address,uint256,uint256)", addr(hexA), bi(5), bi(10)))},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.Decode(in.data)
			}
		})
	}
}

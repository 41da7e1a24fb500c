package revert

import "fmt"

// PanicMeaning says in plain words what a Solidity Panic(uint256) code means,
// in English and Simplified Chinese. An unknown code gets a generic text that
// names the code.
func PanicMeaning(code uint64) (en, zh string) {
	switch code {
	case 0x00:
		return "a generic error inserted by the compiler", "编译器插入的通用错误"
	case 0x01:
		return "an assert() check in the contract failed", "合约中的 assert() 检查失败"
	case 0x11:
		return "arithmetic overflow or underflow (a number went below zero or past its limit)", "算术溢出或下溢（数值低于零或超出上限）"
	case 0x12:
		return "division or modulo by zero", "除以零或对零取模"
	case 0x21:
		return "a value was converted to an enum that has no such member", "数值转换为枚举类型时超出范围"
	case 0x22:
		return "a byte array in storage was incorrectly encoded", "存储中的字节数组编码错误"
	case 0x31:
		return "pop() was called on an empty array", "对空数组调用了 pop()"
	case 0x32:
		return "an array index was out of bounds", "数组下标越界"
	case 0x41:
		return "too much memory was allocated, or an array was too large", "分配的内存过多，或数组过大"
	case 0x51:
		return "a function variable that was never set was called", "调用了从未赋值的函数变量"
	}
	return fmt.Sprintf("an unknown panic (code 0x%x)", code), fmt.Sprintf("未知的 panic（代码 0x%x）", code)
}

// panicHint is the hint key for a panic code.
func panicHint(code uint64) string {
	if code == 0x11 || code == 0x12 {
		return HintArithmetic
	}
	return HintAssert
}

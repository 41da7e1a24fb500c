// SPDX-License-Identifier: MIT
// Test fixtures for unstuck: a small ERC-20 and a contract that fails in
// the ways wallet users meet. Compiled by gen.sh; bytecode is committed.
pragma solidity ^0.8.28;

contract Token {
    string public name;
    string public symbol;
    uint8 public decimals;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);

    constructor(string memory n, string memory s, uint8 d, uint256 supply) {
        name = n;
        symbol = s;
        decimals = d;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 a = allowance[from][msg.sender];
        if (a < amount) revert ERC20InsufficientAllowance(msg.sender, a, amount);
        allowance[from][msg.sender] = a - amount;
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        uint256 b = balanceOf[from];
        if (b < amount) revert ERC20InsufficientBalance(from, b, amount);
        balanceOf[from] = b - amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}

contract Failer {
    uint256 public counter;

    function swapExpired(uint256 deadline) external {
        counter++;
        require(block.timestamp <= deadline, "UniswapV2Router: EXPIRED");
    }

    function divide(uint256 a, uint256 b) external returns (uint256) {
        counter++;
        return a / b;
    }

    function burn() external {
        while (true) {
            counter++;
        }
    }

    error V3TooLittleReceived();

    function swapV3() external {
        counter++;
        revert V3TooLittleReceived();
    }

    error ExecutionFailed(uint256 commandIndex, bytes message);

    function execute() external {
        counter++;
        revert ExecutionFailed(1, abi.encodeWithSignature("Error(string)", "STF"));
    }
}

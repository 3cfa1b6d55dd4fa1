// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

// ---------- Test-only mock tokens (never deploy) ----------

contract MockNoReturn {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint8 public decimals = 6;
    function mint(address to, uint256 a) external { balanceOf[to] += a; }
    function transfer(address to, uint256 a) external { balanceOf[msg.sender] -= a; balanceOf[to] += a; }
    function transferFrom(address f, address t, uint256 a) external {
        allowance[f][msg.sender] -= a; balanceOf[f] -= a; balanceOf[t] += a;
    }
    function approve(address s, uint256 a) external {
        require(a == 0 || allowance[msg.sender][s] == 0, "USDT-style approve");
        allowance[msg.sender][s] = a;
    }
}

contract MockFeeOnTransfer is ERC20 {
    uint256 public feeBps = 100; // 1%
    constructor() ERC20("Fee", "FEE") {}
    function mint(address to, uint256 a) external { _mint(to, a); }
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 fee = value * feeBps / 10_000;
            super._update(from, address(0xFEE), fee);
            value -= fee;
        }
        super._update(from, to, value);
    }
}

contract MockBlocklist is ERC20 {
    mapping(address => bool) public blocked;
    constructor() ERC20("Block", "BLK") {}
    function mint(address to, uint256 a) external { _mint(to, a); }
    function setBlocked(address who, bool b) external { blocked[who] = b; }
    function _update(address from, address to, uint256 value) internal override {
        require(!blocked[from] && !blocked[to], "blocked");
        super._update(from, to, value);
    }
}

// ---------- Tests: adapt `vault` to the protocol under review ----------

interface IVaultLike {
    function deposit(address token, uint256 amount) external;
    function withdraw(address token, uint256 amount) external;
    function balanceOf(address token, address user) external view returns (uint256);
}

abstract contract WeirdTokensTest is Test {
    IVaultLike internal vault; // set in setUp() of the concrete test
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function test_noReturnToken_depositWorks() public {
        MockNoReturn t = new MockNoReturn();
        t.mint(alice, 1_000e6);
        vm.startPrank(alice);
        t.approve(address(vault), 1_000e6);
        vault.deposit(address(t), 1_000e6); // reverts if protocol requires bool return
        vm.stopPrank();
        assertEq(vault.balanceOf(address(t), alice), 1_000e6);
    }

    function test_feeOnTransfer_creditsReceivedAmount() public {
        MockFeeOnTransfer t = new MockFeeOnTransfer();
        t.mint(alice, 100 ether);
        vm.startPrank(alice);
        t.approve(address(vault), 100 ether);
        vault.deposit(address(t), 100 ether);
        vm.stopPrank();
        assertEq(vault.balanceOf(address(t), alice), 99 ether, "credited nominal amount");
    }

    function test_blockedUser_doesNotBlockOthers() public {
        MockBlocklist t = new MockBlocklist();
        t.mint(alice, 10 ether); t.mint(bob, 10 ether);
        vm.prank(alice); t.approve(address(vault), 10 ether);
        vm.prank(alice); vault.deposit(address(t), 10 ether);
        vm.prank(bob); t.approve(address(vault), 10 ether);
        vm.prank(bob); vault.deposit(address(t), 10 ether);
        t.setBlocked(alice, true);
        vm.prank(bob); vault.withdraw(address(t), 10 ether); // must still succeed
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {SymTest} from "halmos-cheatcodes/SymTest.sol";
import {MyToken} from "../src/MyToken.sol";

/// Symbolic properties for an ERC20 with an owner-only mint and a pausable transfer.
contract TokenSymTest is SymTest, Test {
    MyToken token;
    address owner = address(0xA11CE);
    address alice = address(0xA);
    address bob = address(0xB);

    function setUp() public {
        vm.prank(owner);
        token = new MyToken("Test", "TST");
        vm.startPrank(owner);
        token.mint(alice, 1_000e18);
        token.mint(bob, 500e18);
        vm.stopPrank();
    }

    /// transfer never changes the sum of the two balances involved, including from == to.
    function check_transfer_conserves(address from, address to, uint256 amount) public {
        vm.assume(from == alice || from == bob);
        vm.assume(to == alice || to == bob || to == address(0xC));
        uint256 beforeFrom = token.balanceOf(from);
        uint256 beforeTo = token.balanceOf(to);
        uint256 beforeSupply = token.totalSupply();

        vm.prank(from);
        (bool ok,) = address(token).call(abi.encodeCall(token.transfer, (to, amount)));

        if (ok) {
            if (from == to) {
                assertEq(token.balanceOf(from), beforeFrom, "self transfer changed balance");
            } else {
                assertEq(token.balanceOf(from) + token.balanceOf(to), beforeFrom + beforeTo, "value not conserved");
            }
        }
        assertEq(token.totalSupply(), beforeSupply, "transfer changed supply");
    }

    /// No caller other than the owner can increase totalSupply through ANY function.
    function check_onlyOwnerIncreasesSupply() public {
        address caller = svm.createAddress("caller");
        vm.assume(caller != owner);
        bytes memory data = svm.createCalldata("MyToken");
        uint256 beforeSupply = token.totalSupply();

        vm.prank(caller);
        (bool ok,) = address(token).call(data);
        ok; // outcome irrelevant: reverted calls cannot increase supply either

        assertLe(token.totalSupply(), beforeSupply, "non-owner increased supply");
    }

    /// While paused, no balance changes for any caller and any calldata.
    function check_pausedFreezesBalances() public {
        vm.prank(owner);
        token.pause();
        address caller = svm.createAddress("caller");
        vm.assume(caller != owner);
        bytes memory data = svm.createCalldata("MyToken");
        uint256 a = token.balanceOf(alice);
        uint256 b = token.balanceOf(bob);

        vm.prank(caller);
        (bool ok,) = address(token).call(data);
        ok;

        assertEq(token.balanceOf(alice), a);
        assertEq(token.balanceOf(bob), b);
    }
}

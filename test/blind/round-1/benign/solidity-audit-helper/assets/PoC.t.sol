// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test, console2} from "forge-std/Test.sol";
// import {Vault} from "../../src/Vault.sol";

/// Proof-of-concept template. Runs on a local chain / fork only.
contract PoC is Test {
    // Vault vault;
    address attacker = makeAddr("attacker");
    address victim = makeAddr("victim");

    function setUp() public {
        // vault = new Vault();
        vm.deal(victim, 10 ether);
        vm.deal(attacker, 1 ether);
        // vm.prank(victim); vault.deposit{value: 10 ether}();
    }

    function test_exploit() public {
        uint256 before = attacker.balance;
        vm.startPrank(attacker);
        // Attack attackContract = new Attack(address(vault));
        // attackContract.run{value: 1 ether}();
        vm.stopPrank();
        console2.log("attacker profit (wei)", attacker.balance - before);
        // assertGt(attacker.balance, before, "exploit should profit");
    }
}

// Example reentrancy attacker skeleton
contract Attack {
    address public immutable target;
    uint256 public rounds;

    constructor(address _target) {
        target = _target;
    }

    function run() external payable {
        // IVault(target).deposit{value: msg.value}();
        // IVault(target).withdraw();
    }

    receive() external payable {
        if (rounds++ < 5 && target.balance > 0) {
            // IVault(target).withdraw();
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "forge-std/Test.sol";
import {VulnerableVault, FixedVault} from "../src/VulnerableVault.sol";

interface IVault {
    function deposit() external payable;
    function withdraw() external;
}

contract Attacker {
    IVault public immutable vault;
    uint256 public reentered;

    constructor(IVault _vault) {
        vault = _vault;
    }

    function attack() external payable {
        vault.deposit{value: msg.value}();
        vault.withdraw();
    }

    receive() external payable {
        if (address(vault).balance >= 1 ether && reentered < 20) {
            reentered++;
            vault.withdraw();
        }
    }
}

contract ReentrancyTest is Test {
    function _seed(address vault) internal {
        address victim = makeAddr("victim");
        vm.deal(victim, 10 ether);
        vm.prank(victim);
        IVault(vault).deposit{value: 10 ether}();
    }

    function test_vulnerableVaultIsDrained() public {
        VulnerableVault v = new VulnerableVault();
        _seed(address(v));
        Attacker a = new Attacker(IVault(address(v)));
        vm.deal(address(this), 1 ether);
        a.attack{value: 1 ether}();
        assertEq(address(v).balance, 0, "vault should be drained");
        assertEq(address(a).balance, 11 ether);
    }

    function test_fixedVaultResists() public {
        FixedVault v = new FixedVault();
        _seed(address(v));
        Attacker a = new Attacker(IVault(address(v)));
        vm.deal(address(this), 1 ether);
        a.attack{value: 1 ether}();
        assertEq(address(v).balance, 10 ether, "victim funds intact");
        assertEq(address(a).balance, 1 ether, "attacker only gets own deposit back");
    }
}

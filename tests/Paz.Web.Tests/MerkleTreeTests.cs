using System.Security.Cryptography;
using CsCheck;
using Paz.Tribunal.Audit;

namespace Paz.Web.Tests;

/// <summary>RFC 9162's tree hash and consistency proofs, on logs of every shape up to 70 rows.</summary>
public sealed class MerkleTreeTests
{
    private static List<byte[]> Leaves(int count, int salt = 0) =>
        [.. Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i * 31 + salt)))];

    [Fact]
    public void TheRootOfOneLeafIsItsLeafHashAndOfTwoTheirNodeHash()
    {
        var leaves = Leaves(2);
        Assert.Equal(leaves[0], MerkleTree.Root(leaves, 1));
        Assert.Equal(MerkleTree.NodeHash(leaves[0], leaves[1]), MerkleTree.Root(leaves, 2));
        Assert.Equal(SHA256.HashData([]), MerkleTree.Root(leaves, 0));
    }

    [Fact]
    public void EveryPrefixOfALogHasAProofThatTheWholeLogExtendsIt()
    {
        Gen.Int[1, 70].SelectMany(n => Gen.Int[0, n].Select(m => (n, m))).Sample(t =>
        {
            var leaves = Leaves(t.n);
            var proof = MerkleTree.ConsistencyProof(leaves, t.m);
            return MerkleTree.VerifyConsistency(t.m, t.n, MerkleTree.Root(leaves, t.m), MerkleTree.Root(leaves, t.n), proof);
        }, iter: 2000);
    }

    [Fact]
    public void ChangingAnyRowCoveredByTheOldTreeBreaksTheProof()
    {
        Gen.Int[2, 70].SelectMany(n => Gen.Int[1, n - 1].SelectMany(m => Gen.Int[0, m - 1].Select(changed => (n, m, changed)))).Sample(t =>
        {
            var original = Leaves(t.n);
            var forged = Leaves(t.n);
            forged[t.changed] = MerkleTree.LeafHash("forged"u8);
            var proof = MerkleTree.ConsistencyProof(forged, t.m);
            return !MerkleTree.VerifyConsistency(t.m, t.n, MerkleTree.Root(original, t.m), MerkleTree.Root(forged, t.n), proof);
        }, iter: 2000);
    }

    [Fact]
    public void AProofForAnotherSizeOrAShorterLogDoesNotVerify()
    {
        var leaves = Leaves(13);
        var proof = MerkleTree.ConsistencyProof(leaves, 5);
        Assert.True(MerkleTree.VerifyConsistency(5, 13, MerkleTree.Root(leaves, 5), MerkleTree.Root(leaves, 13), proof));
        Assert.False(MerkleTree.VerifyConsistency(6, 13, MerkleTree.Root(leaves, 6), MerkleTree.Root(leaves, 13), proof));
        Assert.False(MerkleTree.VerifyConsistency(5, 12, MerkleTree.Root(leaves, 5), MerkleTree.Root(leaves, 12), proof));
        Assert.False(MerkleTree.VerifyConsistency(13, 5, MerkleTree.Root(leaves, 13), MerkleTree.Root(leaves, 5), proof));
    }
}

using System.Security.Cryptography;

namespace Paz.Tribunal.Audit;

/// <summary>
/// The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0, §2.1) over the audit log's rows, and its
/// consistency proofs: the evidence that a log of n rows extends an earlier log of m rows without changing
/// any of them. Leaves and interior nodes are hashed with different prefixes (0x00, 0x01) so that a leaf can
/// never pass for a node. Written by hand because no maintained .NET package implements RFC 9162's proofs;
/// the RFC's algorithms are short and are followed step by step.
/// </summary>
public static class MerkleTree
{
    /// <summary>The hash of one leaf: SHA-256(0x00 ‖ data).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[data.Length + 1];
        data.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    /// <summary>The hash of an interior node: SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The tree hash MTH(D[n]) of the first <paramref name="size"/> leaves (the hash of nothing for none).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, long size)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leafHashes.Count);
        return size == 0 ? SHA256.HashData(ReadOnlySpan<byte>.Empty) : Subtree(leafHashes, 0, (int)size);
    }

    /// <summary>PROOF(m, D[n]): the nodes that link the tree of the first <paramref name="oldSize"/> leaves to the tree of all of them.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long oldSize)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, leafHashes.Count);
        var proof = new List<byte[]>();
        if (oldSize > 0)
        {
            SubProof((int)oldSize, leafHashes, 0, leafHashes.Count, complete: true, proof);
        }

        return proof;
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows that the tree of <paramref name="newSize"/> leaves with root
    /// <paramref name="newRoot"/> extends the tree of <paramref name="oldSize"/> leaves with root <paramref name="oldRoot"/>
    /// (RFC 9162 §2.1.4.2). Needs no leaf: an auditor holding only an old checkpoint can check a new one.
    /// </summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize > newSize || oldSize < 0)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        }

        if (oldSize == 0)
        {
            return proof.Count == 0; // every log extends the empty one
        }

        var path = new List<byte[]>(proof);
        if ((oldSize & (oldSize - 1)) == 0)
        {
            path.Insert(0, oldRoot.ToArray());
        }

        if (path.Count == 0)
        {
            return false;
        }

        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var split = LargestPowerOfTwoBelow(count);
        return NodeHash(Subtree(leaves, start, split), Subtree(leaves, start + split, count - split));
    }

    // SUBPROOF(m, D[start..start+count], complete) of RFC 9162 §2.1.4.1.
    private static void SubProof(int m, IReadOnlyList<byte[]> leaves, int start, int count, bool complete, List<byte[]> proof)
    {
        if (m == count)
        {
            if (!complete)
            {
                proof.Add(Subtree(leaves, start, count));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(count);
        if (m <= k)
        {
            SubProof(m, leaves, start, k, complete, proof);
            proof.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            SubProof(m - k, leaves, start + k, count - k, complete: false, proof);
            proof.Add(Subtree(leaves, start, k));
        }
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Cluster.Work;

/// <summary>
/// A replicate's result as bytes and back, exactly: every count, every metric value bit for bit, in the order it was
/// recorded, so an ensemble gathered from a cluster summarizes to the same bytes as one run here. Written by hand
/// rather than through Orleans' serializer so that Paz.Simulation carries no Orleans attributes.
/// </summary>
/// <remarks>
/// The coordinator decodes every replicate of an ensemble on the cores the silos compute on, so the format is made
/// cheap to read: counts as 7-bit varints (most municipal months hold a few homicides: one byte, not four), metric
/// series as their nonzero values only (a country replicate's municipal metrics are ~85% zeros), all of it written
/// to memory first and compressed in one call (a compressing stream written four bytes at a time cost ten times more).
/// The format: its version (4 bytes), the payload's length (4 bytes), then the payload zlib-compressed.
/// </remarks>
public static class ReplicateCodec
{
    /// <summary>The format this code writes and reads; part of every work item's code version (<see cref="ReplicateWork.CurrentCode"/>).</summary>
    public const int Format = 2;

    /// <summary>The bytes of <paramref name="result"/>.</summary>
    public static byte[] Encode(ReplicateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var payload = new MemoryStream(result.MonthlyHomicides.Length + (64 * 1024));
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(result.Seed);
            w.Write(result.FirstMonth);
            w.Write(result.Months);
            WriteCounts(w, result.MonthlyHomicides);
            w.Write7BitEncodedInt(result.Weeks.Count);
            foreach (var f in result.Weeks)
            {
                w.Write7BitEncodedInt(f.Week);
                w.Write(f.Date.DayNumber);
                foreach (var v in (ReadOnlySpan<int>)[f.Members, f.Recruits, f.Arrests, f.MemberDeaths, f.Desisted, f.Homicides, f.Prisoners, f.Groups, f.Splits, f.LeadersRemoved, f.MiddleArrested, f.LowerArrested, f.Convictions, f.Releases])
                {
                    w.Write7BitEncodedInt(v);
                }
            }

            w.Write7BitEncodedInt(result.HomicidesByMechanism.Count);
            foreach (var (name, counts) in result.HomicidesByMechanism)
            {
                w.Write(name);
                w.Write(counts.FirstYear);
                w.Write7BitEncodedInt(counts.Counts.Length);
                foreach (var c in counts.Counts)
                {
                    w.Write7BitEncodedInt64(c);
                }
            }

            w.Write(result.Metrics is not null);
            if (result.Metrics is { } metrics)
            {
                WriteMetrics(w, metrics.Snapshot());
            }
        }

        using var bytes = new MemoryStream((int)(payload.Length / 3) + 8);
        using (var header = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(Format);
            header.Write(checked((int)payload.Length));
        }

        using (var zip = new ZLibStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(payload.GetBuffer().AsSpan(0, (int)payload.Length));
        }

        return bytes.ToArray();
    }

    /// <summary>The result <see cref="Encode"/> wrote into <paramref name="bytes"/>.</summary>
    public static ReplicateResult Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var version = bytes.Length >= 8 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : -1;
        if (version != Format)
        {
            throw new InvalidDataException($"not a replicate of format {Format} (the format this code reads): a silo of another build, or bytes that are not a replicate");
        }

        var payload = new byte[BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4))];
        using (var zip = new ZLibStream(new MemoryStream(bytes, 8, bytes.Length - 8), CompressionMode.Decompress))
        {
            zip.ReadExactly(payload);
        }

        using var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        var seed = r.ReadUInt64();
        var firstMonth = r.ReadInt32();
        var months = r.ReadInt32();
        var homicides = ReadCounts(r);
        var weeks = new WeekFlows[r.Read7BitEncodedInt()];
        Span<int> v = stackalloc int[14];
        for (var i = 0; i < weeks.Length; i++)
        {
            var week = r.Read7BitEncodedInt();
            var date = DateOnly.FromDayNumber(r.ReadInt32());
            for (var j = 0; j < v.Length; j++)
            {
                v[j] = r.Read7BitEncodedInt();
            }

            weeks[i] = new WeekFlows(week, date, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9])
            {
                MiddleArrested = v[10], LowerArrested = v[11], Convictions = v[12], Releases = v[13],
            };
        }

        var byMechanism = new Dictionary<string, YearCounts>();
        for (var n = r.Read7BitEncodedInt(); n > 0; n--)
        {
            var name = r.ReadString();
            var firstYear = r.ReadInt32();
            var counts = new long[r.Read7BitEncodedInt()];
            for (var j = 0; j < counts.Length; j++)
            {
                counts[j] = r.Read7BitEncodedInt64();
            }

            byMechanism[name] = new YearCounts(firstYear, counts);
        }

        var metrics = r.ReadBoolean() ? MetricCollector.Restore(ReadMetrics(r)) : null;
        return new ReplicateResult(seed, firstMonth, months, homicides, weeks) { Metrics = metrics, HomicidesByMechanism = byMechanism };
    }

    private static void WriteMetrics(BinaryWriter w, MetricSnapshot s)
    {
        w.Write(s.Start.DayNumber);
        w.Write(s.Weeks);
        w.Write(s.States);
        w.Write(s.Municipalities);
        w.Write7BitEncodedInt(s.National.Count);
        foreach (var (metric, series) in s.National)
        {
            WriteSpec(w, metric);
            WriteDoubles(w, series);
        }

        w.Write7BitEncodedInt(s.Local.Count);
        foreach (var (metric, levels) in s.Local)
        {
            WriteSpec(w, metric);
            w.Write7BitEncodedInt(levels.Length);
            foreach (var level in levels)
            {
                w.Write(level is not null);
                if (level is not null)
                {
                    WriteDoubles(w, level);
                }
            }
        }
    }

    private static MetricSnapshot ReadMetrics(BinaryReader r)
    {
        var start = DateOnly.FromDayNumber(r.ReadInt32());
        var weeks = r.ReadInt32();
        var states = r.ReadInt32();
        var municipalities = r.ReadInt32();
        var national = new List<(MetricSpec, double[])>();
        for (var n = r.Read7BitEncodedInt(); n > 0; n--)
        {
            national.Add((ReadSpec(r), ReadDoubles(r)));
        }

        var local = new List<(MetricSpec, double[]?[])>();
        for (var n = r.Read7BitEncodedInt(); n > 0; n--)
        {
            var spec = ReadSpec(r);
            var levels = new double[]?[r.Read7BitEncodedInt()];
            for (var l = 0; l < levels.Length; l++)
            {
                levels[l] = r.ReadBoolean() ? ReadDoubles(r) : null;
            }

            local.Add((spec, levels));
        }

        return new MetricSnapshot(start, weeks, states, municipalities, national, local);
    }

    private static void WriteSpec(BinaryWriter w, MetricSpec spec)
    {
        w.Write(spec.Name);
        w.Write(spec.Unit);
        w.Write((int)spec.Aggregation);
        w.Write(spec.Description);
    }

    private static MetricSpec ReadSpec(BinaryReader r) => new(r.ReadString(), r.ReadString(), (MetricAggregation)r.ReadInt32(), r.ReadString());

    private static void WriteCounts(BinaryWriter w, int[] values)
    {
        w.Write7BitEncodedInt(values.Length);
        foreach (var v in values)
        {
            w.Write7BitEncodedInt(v);
        }
    }

    private static int[] ReadCounts(BinaryReader r)
    {
        var values = new int[r.Read7BitEncodedInt()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.Read7BitEncodedInt();
        }

        return values;
    }

    // The nonzero values only, each after the number of zeros skipped to reach it, and as its bits: a silo's value and
    // the local run's are then the same bytes, never a rounding apart (a negative zero or a NaN is "nonzero" here, and kept).
    private static void WriteDoubles(BinaryWriter w, double[] values)
    {
        w.Write7BitEncodedInt(values.Length);
        w.Write7BitEncodedInt(values.Count(v => BitConverter.DoubleToInt64Bits(v) != 0));
        var next = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(values[i]) != 0)
            {
                w.Write7BitEncodedInt(i - next);
                w.Write(values[i]);
                next = i + 1;
            }
        }
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var values = new double[r.Read7BitEncodedInt()];
        var next = 0;
        for (var n = r.Read7BitEncodedInt(); n > 0; n--)
        {
            next += r.Read7BitEncodedInt();
            values[next++] = r.ReadDouble();
        }

        return values;
    }
}

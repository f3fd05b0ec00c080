using System.IO.Compression;
using System.Text;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Cluster.Work;

/// <summary>
/// A replicate's result as bytes and back, exactly: every count, every metric value bit for bit, in the order it was
/// recorded, so an ensemble gathered from a cluster summarizes to the same bytes as one run here. Written by hand
/// rather than through Orleans' serializer so that Paz.Simulation carries no Orleans attributes, and compressed
/// (a country replicate's municipal metrics run to megabytes, mostly zeros).
/// </summary>
public static class ReplicateCodec
{
    private const int Version = 1;

    /// <summary>The bytes of <paramref name="result"/>.</summary>
    public static byte[] Encode(ReplicateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var zip = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(zip, Encoding.UTF8))
        {
            w.Write(Version);
            w.Write(result.Seed);
            w.Write(result.FirstMonth);
            w.Write(result.Months);
            WriteInts(w, result.MonthlyHomicides);
            w.Write(result.Weeks.Count);
            foreach (var f in result.Weeks)
            {
                w.Write(f.Week);
                w.Write(f.Date.DayNumber);
                foreach (var v in (int[])[f.Members, f.Recruits, f.Arrests, f.MemberDeaths, f.Desisted, f.Homicides, f.Prisoners, f.Groups, f.Splits, f.LeadersRemoved, f.MiddleArrested, f.LowerArrested, f.Convictions, f.Releases])
                {
                    w.Write(v);
                }
            }

            w.Write(result.HomicidesByMechanism.Count);
            foreach (var (name, counts) in result.HomicidesByMechanism)
            {
                w.Write(name);
                w.Write(counts.FirstYear);
                w.Write(counts.Counts.Length);
                foreach (var c in counts.Counts)
                {
                    w.Write(c);
                }
            }

            w.Write(result.Metrics is not null);
            if (result.Metrics is { } metrics)
            {
                WriteMetrics(w, metrics.Snapshot());
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The result <see cref="Encode"/> wrote into <paramref name="bytes"/>.</summary>
    public static ReplicateResult Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var zip = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var r = new BinaryReader(zip, Encoding.UTF8);
        var version = r.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"a replicate encoded in format {version}; this code reads format {Version}");
        }

        var seed = r.ReadUInt64();
        var firstMonth = r.ReadInt32();
        var months = r.ReadInt32();
        var homicides = ReadInts(r);
        var weeks = new WeekFlows[r.ReadInt32()];
        for (var i = 0; i < weeks.Length; i++)
        {
            var week = r.ReadInt32();
            var date = DateOnly.FromDayNumber(r.ReadInt32());
            var v = new int[14];
            for (var j = 0; j < v.Length; j++)
            {
                v[j] = r.ReadInt32();
            }

            weeks[i] = new WeekFlows(week, date, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9])
            {
                MiddleArrested = v[10], LowerArrested = v[11], Convictions = v[12], Releases = v[13],
            };
        }

        var byMechanism = new Dictionary<string, YearCounts>();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var name = r.ReadString();
            var firstYear = r.ReadInt32();
            var counts = new long[r.ReadInt32()];
            for (var j = 0; j < counts.Length; j++)
            {
                counts[j] = r.ReadInt64();
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
        w.Write(s.National.Count);
        foreach (var (metric, series) in s.National)
        {
            WriteSpec(w, metric);
            WriteDoubles(w, series);
        }

        w.Write(s.Local.Count);
        foreach (var (metric, levels) in s.Local)
        {
            WriteSpec(w, metric);
            w.Write(levels.Length);
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
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            national.Add((ReadSpec(r), ReadDoubles(r)));
        }

        var local = new List<(MetricSpec, double[]?[])>();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var spec = ReadSpec(r);
            var levels = new double[]?[r.ReadInt32()];
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

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadInt32();
        }

        return values;
    }

    // Doubles as their bits: a silo's value and the local run's are then the same bytes, never a rounding apart.
    private static void WriteDoubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(BitConverter.DoubleToInt64Bits(v));
        }
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var values = new double[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BitConverter.Int64BitsToDouble(r.ReadInt64());
        }

        return values;
    }
}

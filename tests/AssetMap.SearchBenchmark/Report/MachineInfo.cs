using System.Globalization;

namespace AssetMap.SearchBenchmark.Report;

/// <summary>The machine the figures come from: cores, RAM, CPU model, load average (other work skews figures).</summary>
internal static class MachineInfo
{
    public static string Cpu =>
        Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    public static double RamGb =>
        Read("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d / 1024d
            : 0;

    public static string LoadAverage => Read("/proc/loadavg").FirstOrDefault() is { } l ? string.Join(' ', l.Split(' ').Take(3)) : "unknown";

    public static string PostgresVersion { get; set; } = "";

    public static string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {RamGb:F0} GB RAM, {Cpu}; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {PostgresVersion}");

    private static string[] Read(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
    }
}

using System.Diagnostics;

namespace Paz.Cli.Tests;

/// <summary>
/// Renders a file to PNG with Debian's headless Chromium, as a reader's browser would draw it.
/// .ci/run installs the package; where it could not be installed the test says so loudly and skips.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Skips the calling test, loudly, when Chromium is not installed.</summary>
    public static void SkipUnlessInstalled(string what)
    {
        if (Executable is null)
        {
            Console.Error.WriteLine($"!!!!! SKIPPED: Chromium is not installed (apt-get install chromium); {what} was NOT checked in a browser !!!!!");
            Assert.Skip($"Chromium (Debian package 'chromium') is not installed: {what} was not checked in a browser");
        }
    }

    public static byte[] Screenshot(string file, int width, int height)
    {
        var work = Directory.CreateTempSubdirectory("paz-chromium-");
        try
        {
            var png = Path.Combine(work.FullName, "shot.png");
            var (exit, stderr) = Run(work.FullName, "its screenshot", "--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={png}", new Uri(file).AbsoluteUri);
            return File.Exists(png)
                ? File.ReadAllBytes(png)
                : throw new InvalidOperationException($"Chromium wrote no screenshot (exit {exit}): {stderr}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The number of distinct colors in a PNG (a blank page has one or two).</summary>
    public static int DistinctColors(byte[] png)
    {
        var image = StbImageSharp.ImageResult.FromMemory(png, StbImageSharp.ColorComponents.RedGreenBlue);
        var colors = new HashSet<int>();
        for (var i = 0; i < image.Data.Length; i += 3)
        {
            colors.Add((image.Data[i] << 16) | (image.Data[i + 1] << 8) | image.Data[i + 2]);
        }

        return colors.Count;
    }

    /// <summary>The console errors and uncaught exceptions a page logs while Chromium loads it (its log, at level 0).</summary>
    public static IReadOnlyList<string> ConsoleErrors(string file)
    {
        var work = Directory.CreateTempSubdirectory("paz-chromium-");
        try
        {
            var (_, stderr) = Run(work.FullName, "loading the page", "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(file).AbsoluteUri);
            return [.. stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) && (l.Contains("Error", StringComparison.OrdinalIgnoreCase) || l.Contains("Uncaught", StringComparison.Ordinal)))];
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // Runs headless Chromium with a fresh profile in work and the given arguments; its exit code and log.
    private static (int Exit, string Stderr) Run(string work, string what, params string[] arguments)
    {
        var executable = Executable ?? throw new InvalidOperationException("no Chromium");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={Path.Combine(work, "profile")}",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish {what} within 2 minutes");
        }

        return (process.ExitCode, stderr.Result);
    }
}

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
        var executable = Executable ?? throw new InvalidOperationException("no Chromium");
        var work = Directory.CreateTempSubdirectory("paz-chromium-");
        try
        {
            var png = Path.Combine(work.FullName, "shot.png");
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
                $"--window-size={width},{height}", $"--screenshot={png}", new Uri(file).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish its screenshot within 2 minutes");
            }

            return File.Exists(png)
                ? File.ReadAllBytes(png)
                : throw new InvalidOperationException($"Chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
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
        var executable = Executable ?? throw new InvalidOperationException("no Chromium");
        var work = Directory.CreateTempSubdirectory("paz-chromium-");
        try
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", "--dump-dom", new Uri(file).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not load the page within 2 minutes");
            }

            return [.. stderr.Result.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) && (l.Contains("Error", StringComparison.OrdinalIgnoreCase) || l.Contains("Uncaught", StringComparison.Ordinal)))];
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

using System.Diagnostics;

namespace Paz.Cli.Commands;

/// <summary>
/// Prints an HTML file to PDF with Debian's headless Chromium (the package <c>chromium</c>), as a reader's browser
/// would print it. Written by hand because the print is one process call; a browser-automation library would add a
/// driver download for no gain here.
/// </summary>
internal static class PdfPrinter
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The Chromium found ($PAZ_CHROMIUM first), or null.</summary>
    public static string? Chromium => Environment.GetEnvironmentVariable("PAZ_CHROMIUM") is { Length: > 0 } chosen && File.Exists(chosen)
        ? chosen
        : Candidates.FirstOrDefault(File.Exists);

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdf"/>; false, with the reason, when it could not.</summary>
    public static bool TryPrint(string html, string pdf, out string reason)
    {
        if (Chromium is not { } executable)
        {
            reason = "Chromium was not found (install Debian's package: apt-get install chromium; or set PAZ_CHROMIUM)";
            return false;
        }

        var work = Directory.CreateTempSubdirectory("paz-pdf-");
        try
        {
            var partial = pdf + ".partial";
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", $"--print-to-pdf={partial}", new Uri(Path.GetFullPath(html)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                reason = "Chromium did not finish printing within 3 minutes";
                return false;
            }

            if (!File.Exists(partial) || new FileInfo(partial).Length == 0)
            {
                reason = $"Chromium wrote no PDF (exit {process.ExitCode}): {stderr.Result.Trim()}";
                return false;
            }

            File.Move(partial, pdf, overwrite: true);
            reason = "";
            return true;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

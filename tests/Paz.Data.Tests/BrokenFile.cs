using System.Text;

namespace Paz.Data.Tests;

/// <summary>A small file in a fresh temporary folder, removed after the test.</summary>
internal sealed class BrokenFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paz-data-test-").FullName;

    public BrokenFile(string name, string content, bool byteOrderMark = false)
    {
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllBytes(Path, [.. (byteOrderMark ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()), .. Encoding.UTF8.GetBytes(content)]);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

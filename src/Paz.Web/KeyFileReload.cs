using Paz.Tribunal;
using Paz.Tribunal.Security;

namespace Paz.Web;

/// <summary>
/// Picks up a rotated key file while the service runs: at most once a second, a request looks at the key file's
/// modification time and, when it changed, reads the file, checks its keys against the registry's
/// (<see cref="KeyChecks"/>) and hands them to the registry. <c>paz tribunal rotate-keys</c> therefore needs no
/// restart: within a second of its writing the new key, the service encrypts with it and reads values under either.
/// A file that fails to read or check is ignored (the service keeps its keys) and logged. Keys given in
/// configuration rather than a file (<paramref name="path"/> null) are never reloaded.
/// </summary>
public sealed partial class KeyFileReload(string? path, ILogger<KeyFileReload> log)
{
    private int _looking;
    private DateTime _seen = path is null ? default : File.GetLastWriteTimeUtc(path);
    private long _nextLook = Environment.TickCount64 + 1000;

    /// <summary>Reloads the keys into <paramref name="registry"/> if the file changed since last seen.</summary>
    public async Task RefreshAsync(Registry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (path is null || Environment.TickCount64 < Interlocked.Read(ref _nextLook) || Interlocked.Exchange(ref _looking, 1) == 1)
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _nextLook, Environment.TickCount64 + 1000);
            var written = File.GetLastWriteTimeUtc(path);
            if (written == _seen)
            {
                return;
            }

            var cipher = TribunalKeys.Read(path).Cipher();
            await KeyChecks.EnsureAsync(registry.Database, cipher).ConfigureAwait(false);
            registry.UseKeys(cipher);
            _seen = written;
            Reloaded(log, path, cipher.CurrentKeyId);
        }
        catch (InvalidOperationException e)
        {
            Refused(log, path, e.Message);
            _seen = File.GetLastWriteTimeUtc(path);
        }
        finally
        {
            Volatile.Write(ref _looking, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "encryption keys reloaded from {Path}; current key {Key}")]
    private static partial void Reloaded(ILogger log, string path, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "the key file {Path} changed but cannot be used; keeping the keys in use: {Error}")]
    private static partial void Refused(ILogger log, string path, string error);
}

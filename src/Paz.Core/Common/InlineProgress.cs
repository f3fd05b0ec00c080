namespace Paz.Core.Common;

/// <summary>
/// Reports progress on the reporting thread, at once: <see cref="Progress{T}"/> posts to a synchronization context or
/// the thread pool, so its reports can arrive after the work returned and out of order, which a checkpoint or a
/// progress line cannot have.
/// </summary>
/// <typeparam name="T">What is reported.</typeparam>
/// <param name="report">Called with each report.</param>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}

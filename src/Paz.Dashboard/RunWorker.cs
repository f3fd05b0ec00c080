using Paz.Core.Common;
using Paz.Runs.Execution;

namespace Paz.Dashboard;

/// <summary>
/// Runs the dashboard's queued runs one after another (each uses every thread the desk allows), recording progress in the
/// catalogue as replicates finish; at start it marks runs an earlier process left unfinished as interrupted.
/// </summary>
public sealed partial class RunWorker(RunDesk desk, ILogger<RunWorker> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var catalogue = await desk.CatalogueAsync().ConfigureAwait(false);
        var interrupted = await catalogue.InterruptUnfinishedAsync().ConfigureAwait(false);
        if (interrupted > 0)
        {
            Interrupted(logger, interrupted);
        }

        await foreach (var queued in desk.Queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var id = queued.Run.Id;
            try
            {
                desk.Report(id, 0);
                await catalogue.ProgressAsync(id, 0).ConfigureAwait(false);
                var run = await Task.Run(
                    () => EnsembleJob.Run(queued.Scenario, desk.Threads, queued.Posterior, new InlineProgress<int>(done =>
                    {
                        desk.Report(id, done);
                        catalogue.ProgressAsync(id, done).GetAwaiter().GetResult();
                    }), stoppingToken),
                    stoppingToken).ConfigureAwait(false);
                await EnsembleJob.WriteAsync(queued.Run.Outputs, run, csv: false).ConfigureAwait(false);
                await catalogue.FinishAsync(id).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the next start marks it interrupted
            }
            catch (Exception e)
            {
                Failed(logger, id, e);
                await catalogue.FailAsync(id, e.Message).ConfigureAwait(false);
            }
            finally
            {
                desk.Forget(id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} runs left unfinished by an earlier process are marked interrupted")]
    private static partial void Interrupted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {Id} failed")]
    private static partial void Failed(ILogger logger, string id, Exception error);
}

using Botshop.Ml;
using Spectre.Console;

namespace Botshop.Cli.Output;

/// <summary>Shows training progress on stderr: a live bar on a terminal, plain stage lines otherwise.</summary>
public static class TrainingProgressDisplay
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<TrainingProgress>, Task<T>> work)
    {
        if (!Terminal.Err.Profile.Capabilities.Interactive)
        {
            var last = "";
            var plain = new Progress<TrainingProgress>(p =>
            {
                if (p.Stage == last) return;
                last = p.Stage;
                Console.Error.WriteLine($"{title}: {p.Stage} ({p.Step}/{p.TotalSteps})");
            });
            return await Task.Run(() => work(plain));
        }

        T result = default!;
        await Terminal.Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1);
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.TotalSteps);
                    task.Value = p.Step;
                    task.Description = $"{title}: {p.Stage}";
                });
                result = await Task.Run(() => work(progress));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the calling thread: the bar reads the values on its own refresh.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

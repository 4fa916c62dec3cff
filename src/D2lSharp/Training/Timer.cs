using System.Diagnostics;

namespace D2lSharp.Training;

/// <summary>d2l's <c>Timer</c>: records the durations of several runs; starts on construction.</summary>
public sealed class Timer
{
    readonly List<double> _times = [];
    readonly Stopwatch _watch = new();

    /// <summary>A timer that is already running.</summary>
    public Timer() => Start();

    /// <summary>Starts (or restarts) timing a run.</summary>
    public void Start() => _watch.Restart();

    /// <summary>Stops timing, records the run and returns its duration in seconds.</summary>
    public double Stop()
    {
        if (!_watch.IsRunning) throw new InvalidOperationException("The timer is not running; call Start() before Stop().");
        _watch.Stop();
        double seconds = _watch.Elapsed.TotalSeconds;
        _times.Add(seconds);
        return seconds;
    }

    /// <summary>Durations of the recorded runs, in seconds.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>Total seconds of all recorded runs.</summary>
    public double Sum => _times.Sum();

    /// <summary>Mean seconds per recorded run (0 when nothing is recorded yet).</summary>
    public double Average => _times.Count == 0 ? 0 : _times.Average();

    /// <summary>Running totals: after run 1, after runs 1–2, … (d2l's <c>cumsum</c>).</summary>
    public double[] Cumulative
    {
        get
        {
            var sums = new double[_times.Count];
            double total = 0;
            for (int i = 0; i < sums.Length; i++) sums[i] = total += _times[i];
            return sums;
        }
    }
}

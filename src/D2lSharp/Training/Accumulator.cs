namespace D2lSharp.Training;

/// <summary>Taught in notebook 08; d2l <c>Accumulator</c>. Running sums of n quantities (e.g. loss sum, correct count, examples) over an epoch.</summary>
public sealed class Accumulator
{
    readonly double[] _data;

    /// <summary>Sums of <paramref name="n"/> quantities, all starting at zero.</summary>
    public Accumulator(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be positive (how many sums to keep); got {n}.");
        _data = new double[n];
    }

    /// <summary>Adds one value to each sum, in order; give exactly n values.</summary>
    public void Add(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _data.Length)
            throw new ArgumentException($"This accumulator keeps {_data.Length} sums; got {values.Length} values.", nameof(values));
        for (int i = 0; i < values.Length; i++) _data[i] += values[i];
    }

    /// <summary>The i-th sum.</summary>
    public double this[int i] => i >= 0 && i < _data.Length
        ? _data[i]
        : throw new ArgumentOutOfRangeException(nameof(i), i, $"This accumulator keeps {_data.Length} sums (indices 0..{_data.Length - 1}).");

    public override string ToString() => "[" + string.Join(", ", _data.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}

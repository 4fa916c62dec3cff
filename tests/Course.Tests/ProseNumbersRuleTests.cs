using System.Text.Json.Nodes;

namespace Course.Tests;

/// <summary>The prose-number rule itself, on small texts: what counts, what is exempt, and what precision means.</summary>
public class ProseNumbersRuleTests
{
    static List<string> Found(string markdown) => ProseNumbers.InMarkdown(1, markdown).Select(n => n.Text).ToList();

    [Fact]
    public void Decimals_with_three_significant_digits_count_and_shorter_ones_do_not()
    {
        Assert.Equal(["0.8473", "0.850", "1.34 · 10⁻⁷", "2.13e-3", "276"], Found("accuracy 0.8473, about 0.85, 0.850; 1.34 · 10⁻⁷ and 2.13e-3, 2.1e-3, 0.039; still 276 at n = 50."));
    }

    [Fact]
    public void Quotes_code_links_sections_and_derivations_are_exempt()
    {
        Assert.Empty(Found("> 笔记 says 0.9123\n"));
        Assert.Empty(Found("d2l reports \"a test accuracy of 0.8512\" and “0.8623”."));
        Assert.Empty(Found("call `Round(0.12345)`; see [here](https://x.org/1.234) and d2l 4.8.2.3, d2l 12.6, d2l-zh 11.6, d2l-en 12.6 (on Ubuntu 22.04)."));
        Assert.Empty(Found("float32 holds every whole number up to 2²⁴ = 16 777 216 exactly"));
        Assert.Equal(["3.40·10³⁸"], Found("float32 cannot represent anything above 3.40·10³⁸. Next."));
        Assert.Empty(Found("28 × 28 = 784, and σ(0)(1 − σ(0)) = 0.250, ln 2 = 0.6931."));
        Assert.Equal(["0.8473", "0.8324"], Found("0.8473 − 0.8324 = 0.0149")); // the operands of a derivation still need an output
        Assert.Equal(["0.8473"], Found("the test accuracy = 0.8473 after training")); // a measurement written as an equation is not derived
        Assert.Equal(["0.1106", "1.64"], Found("dy/dx ≈ −0.1106 at x = 0.8 (u = 1.64 is just past π/2)")); // nor a value given a name
    }

    [Fact]
    public void A_prose_number_is_shown_by_an_output_that_rounds_to_it()
    {
        var n = ProseNumbers.InMarkdown(1, "ends at 0.85 and 0.8473 and 1.3 · 10⁻⁷ … 1.34 · 10⁻⁷").ToDictionary(p => p.Text);
        Assert.True(n["0.8473"].IsShownBy(0.84731));
        Assert.False(n["0.8473"].IsShownBy(0.8573));
        Assert.True(n["1.34 · 10⁻⁷"].IsShownBy(1.336e-7));
        Assert.False(n["1.34 · 10⁻⁷"].IsShownBy(1.346e-7));
        Assert.Equal(3, ProseNumbers.SignificantDigits("0.850"));
        Assert.Equal(1, ProseNumbers.SignificantDigits("60,000"));
    }

    [Fact]
    public void Outputs_count_printed_text_records_and_chart_data()
    {
        var executed = JsonNode.Parse("""
        {"cells": [
          {"cell_type": "markdown", "source": "train loss 0.3833, test accuracy 0.847, chart peak 0.965, a number nowhere 0.1234", "metadata": {}},
          {"cell_type": "code", "source": "", "metadata": {}, "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "train loss 0.3833\n"},
            {"output_type": "display_data", "data": {"text/plain": "test acc = 0.8473"},
             "metadata": {"application/vnd.d2lsharp.records+json": [{"name": "test acc", "value": 0.84731}]}},
            {"output_type": "display_data", "data": {"text/html": "<div><script>var data = [{\"y\":[0.5,0.9651]}];</script></div>"}, "metadata": {}}
          ]}
        ]}
        """)!.AsObject();
        var missing = ProseNumbers.Unshown(executed);
        Assert.Equal(["0.1234"], missing.Select(m => m.Number.Text));
    }
}

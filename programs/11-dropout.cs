// Notebook 11 as a .NET program: notebooks/11-dropout.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/11-dropout.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/11/
// (open it in any browser, offline). Generated from the notebook by `dotnet run --project src/CoursePrograms`:
// change the notebook, then run that command (a test fails while a program is older than its notebook).
//
// How it is built (the #: lines are directives of `dotnet run`): the course's helper library and the packages the
// notebook loads, at the versions the notebook pins; the usual JIT runtime (file-based apps default to native-AOT
// settings); as in the notebook kernel, no nullable context, only the usings below, and no warnings about unused
// variables (the kernel keeps a cell's variables as fields); package versions written here rather than taken from
// Directory.Packages.props (a test checks that they agree); and packages used from the NuGet cache, as the kernel
// uses them, rather than copied beside each program (TorchSharp's native libraries alone are about 1 GB).
#:property PublishAot=false
#:property Nullable=disable
#:property ImplicitUsings=disable
#:property NoWarn=$(NoWarn);CS0168;CS0219;CS8321
#:property ManagePackageVersionsCentrally=false
#:property CopyLocalLockFileAssemblies=false
#:property GenerateRuntimeConfigDevFile=true
#:project ../src/D2lSharp/D2lSharp.csproj
#:package TorchSharp-cpu@0.107.0
#:package Plotly.NET@6.0.0
#:package Plotly.NET.CSharp@0.14.0
#:package Microsoft.Data.Analysis@0.23.1

// As in the notebook: the usings the kernel gives every cell, then those of src/D2lSharp/Course.csx.
using System;
using System.Text;
using System.Collections;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Linq;
using static D2lSharp.Display.ProgramDisplay;   // the kernel's display(...) and HTML(...), for a program
using System.Diagnostics;
using System.Globalization;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using D2lSharp;
using D2lSharp.Calculus;
using D2lSharp.Data;
using D2lSharp.Display;
using D2lSharp.Plotting;
using D2lSharp.Training;
using static D2lSharp.Display.TensorFormatter;
using Exercises = D2lSharp.Exercises;

// # 11 — Dropout (暂退法)
//
// This notebook follows the section **暂退法（Dropout）** of the notes' chapter 过拟合与欠拟合 (d2l section 4.6). It is the
// second remedy for overfitting (过拟合) after weight decay (notebook 10): instead of penalizing large weights, it adds noise.
//
// In this notebook you will:
// - see why randomly dropping hidden units during training keeps a network from relying on any one unit;
// - write dropout from scratch with its 1/(1 − p) scaling, check it on a small tensor, and measure by sampling what the scaling
//   preserves (the expectation of every unit, not each sample's sum), with bad probabilities rejected by a clear error;
// - switch `nn.Dropout` between training and evaluation with `train()` / `eval()` and see the difference on the same input;
// - train d2l's 784-256-256-10 network with dropout 0.2 and 0.5 on Fashion-MNIST, from scratch and concisely;
// - measure the gap between training and test accuracy with and without dropout, on a training set small enough to overfit.

display(Course.Setup());

// ## Why drop units?
//
// The notes introduce dropout (暂退法) in one sentence: it is "用于减少过拟合现象" (used to reduce overfitting), and it works by
// "在每轮训练中随机抛弃部分中间节点，让结果不过度依赖任何一个节点" — in every training step, randomly drop some of the hidden
// units (中间节点), so that the result does not depend too much on any single unit.
//
// Two ways of seeing why that helps, both from d2l 4.6:
// - **Co-adaptation (共适应).** A large network can fit its training examples with units that only work in combination: one unit
//   fires on a quirk of a few training images, another one cancels its mistakes elsewhere. Such fragile teams fit the training set
//   and fail on new data. If any unit may be missing in any step, no unit can count on a particular partner being there, and each
//   has to be useful on its own.
// - **Noise injection.** Dropping units adds noise to each layer's input during training. A network whose loss stays low under that
//   noise has to compute a function that a small change of its hidden values hardly changes — a smoother function, which
//   generalizes better (Bishop showed that training with input noise is equivalent to a form of regularization).
//
// Everything else in the notes' section is about *how* to drop without changing the size of what the next layer receives; that
// is the next part.
//
// ## Dropout from scratch
//
// The notes: "删除中间节点的同时需要提高其他节点的特征，保证输出结果的数值大小和原来的相似" — when units are dropped, the remaining
// ones are scaled up so that the output keeps its size. d2l makes this precise. With dropout probability p, each element h of a
// layer's output is replaced, independently of all others, by
//
// $$h' = \begin{cases} 0 & \text{with probability } p,\\ \dfrac{h}{1-p} & \text{otherwise.}\end{cases}$$
//
// Written from scratch (d2l's `dropout_layer`): a random mask that keeps each element with probability 1 − p, applied and
// rescaled. Two cases need care: p = 1 drops everything (and 1/(1 − p) would divide by zero), and a p outside [0, 1] — or NaN,
// which fails every comparison — is a mistake the function names instead of passing on.

Tensor DropoutLayer(Tensor X, double p)
{
    if (double.IsNaN(p) || p < 0 || p > 1)
        throw new ArgumentOutOfRangeException(nameof(p),
            $"The dropout probability p must be a number from 0 to 1 (the chance that each element is dropped); got {p}.");
    if (!X.is_floating_point())
        throw new ArgumentException($"Dropout needs a floating-point tensor; got dtype {X.dtype}.", nameof(X));
    if (p == 1) return torch.zeros_like(X);                    // every element dropped
    var mask = (torch.rand(X.shape) > p).to_type(X.dtype);     // 1 with probability 1 − p, else 0
    return mask * X / (1 - p);
}

// d2l's check: a 2 × 8 tensor with the values 0 to 15, passed through with p = 0, 0.5 and 1:

var X = torch.arange(16, dtype: ScalarType.Float32).reshape(2, 8);
torch.manual_seed(0);
foreach (var p in new[] { 0.0, 0.5, 1.0 })
    Console.WriteLine($"p = {p}:\n{TensorFormatter.ValuesText(DropoutLayer(X, p))}\n");

// With p = 0 the tensor comes back unchanged, and with p = 1 everything is zero. With p = 0.5 every element is either 0 or
// twice its value (1 → 2, 4 → 8, 9 → 18, 15 → 30, …) — the notes' "乘 2". Count the survivors, though: 3 of 8 in the second row, and 4 of the
// 7 nonzero elements in the first (its 0 looks the same kept or dropped). Each element is dropped on its own coin flip; nothing makes exactly half of them go.
// (The pattern comes from `torch.rand` after `manual_seed(0)`: re-running the cell gives the same one, another seed another.)

// ## What the scaling preserves
//
// The notes' example: "比如某一层抛弃 1/2 的节点（输入特征置为 0），则其他节点的输入特征都要乘 2" — if a layer drops 1/2 of its
// units, the features of the others are multiplied by 2. The factor 2 is right: it is 1/(1 − p) for p = 0.5. But dropout does not
// drop exactly half of the units in a step; it drops *each* unit with probability 1/2, independently. What is preserved is the
// **expectation** of every unit:
//
// $$E[h'] = p \cdot 0 + (1-p)\,\frac{h}{1-p} = h.$$
//
// Sampling shows both sides of this. One row of 8 activations h = 1, …, 8 goes through dropout with p = 0.5 one hundred thousand
// times; we look at the average of each unit, at how many units each sample keeps, and at each sample's sum (36 without dropout):

var h = torch.arange(1, 9, dtype: ScalarType.Float32);            // 8 activations 1, 2, ..., 8 (sum 36)
int samples = 100_000;
torch.manual_seed(1);
var outputs = DropoutLayer(h.expand(samples, 8), 0.5);             // one dropout sample per row
var kept = outputs.ne(0).sum(1);                                   // units kept in each sample
var sums = outputs.sum(1);                                         // each sample's sum
Console.WriteLine($"h                          = {TensorFormatter.ValuesText(h)}");
Console.WriteLine($"mean of h' over {samples} = {TensorFormatter.ValuesText(outputs.mean(new long[] { 0 }))}");
Console.WriteLine($"std of h' over the samples = {TensorFormatter.ValuesText(outputs.std(0))}");
Console.WriteLine($"samples keeping exactly 4 of 8 units: {kept.eq(4).to_type(ScalarType.Float32).mean().item<float>():P1}");
Console.WriteLine($"each sample's sum: mean {sums.mean().item<float>():F3}, smallest {sums.min().item<float>()}, largest {sums.max().item<float>()}, " +
                  $"equal to 36 in {sums.eq(36).to_type(ScalarType.Float32).mean().item<float>():P1} of the samples");

// Per unit, the sampled mean of h′ is within 0.03 of h (the largest difference is 7.0231 against 7), which is what sampling
// 100 000 times allows: the expectation is preserved, unit by unit. Everything else varies from sample to sample:
// - each unit's standard deviation is h itself (1.0000, 2.0000, …, 8.0000). In general the variance of h′ is h²·p/(1 − p), which
//   for p = 0.5 is h²: this is the noise that dropout injects;
// - only 26.9% of the samples keep exactly 4 of the 8 units (the binomial probability C(8, 4)/2⁸ = 70/256 = 27.3%);
// - each sample's sum ranges from 0 (all dropped) to 72 (all kept and doubled) and equals the original 36 in only 5.4% of the
//   samples; its *mean* is 36.070.
//
// So the precise version of the notes' "保证输出结果的数值大小和原来的相似" (keep the output's size similar to the original) is: the
// **expected value** of every unit, and therefore of the next layer's weighted sum, equals the value without dropout. A single
// training step's values can be far from it. The notes' reason, "因为抛弃节点后下一层的输入会少几个特征，需要填补" (the next layer
// receives fewer features and they must be filled in), is the right intuition as long as "filled in" is read on average: the dropped
// features stay 0, and the kept ones are enlarged just enough that the average is right.
//
// How many units one step keeps, sampled against the binomial distribution:

var keptCounts = torch.bincount(kept, minlength: 9).to_type(ScalarType.Float64) / samples;
var binomial = Enumerable.Range(0, 9).Select(k => Enumerable.Range(1, k).Aggregate(1.0, (c, i) => c * (8 - k + i) / i) / 256).ToArray(); // C(8, k) / 2⁸
display(Plots.Plot(Enumerable.Range(0, 9).Select(k => (double)k).ToArray(),
    new[] { new Series("sampled (100 000 dropout masks)", Plots.ToArray(keptCounts), Markers: true),
            new Series("binomial C(8, k) / 2⁸", binomial, Markers: true) },
    xLabel: "units kept out of 8 (p = 0.5)", yLabel: "fraction of samples", title: "How many units one dropout step keeps"));

// The sampled fractions lie on the binomial ones (the two lines nearly coincide; both peak at 4 kept, with about 27%). In a
// layer of 256 units with p = 0.5 the count kept is binomial too, with mean 128 and standard deviation √(256 · 0.25) = 8: "half"
// holds in any one step only to within about 6% (one standard deviation).

// ### Bad probabilities are rejected
//
// A probability outside [0, 1] has no meaning here, and NaN would silently turn the whole output into NaN (every comparison
// with NaN is false, and 1/(1 − NaN) is NaN). The function says what was wrong and what it expected; the cell's last line runs
// `DropoutLayer`'s mask and scaling lines by hand on p = NaN, to show what the check prevents:

foreach (var badP in new[] { -0.1, 1.5, double.NaN })
{
    try
    {
        DropoutLayer(torch.ones(2, 3), badP);
        Console.WriteLine($"p = {badP}: accepted");
    }
    catch (ArgumentOutOfRangeException e)
    {
        Console.WriteLine($"p = {badP}: {e.GetType().Name}: {e.Message}");
    }
}
var pNaN = double.NaN;
var maskNaN = (torch.rand(6) > pNaN).to_type(ScalarType.Float32);   // DropoutLayer's mask line, without the check
Console.WriteLine($"no check, p = NaN: mask {TensorFormatter.ValuesText(maskNaN)}, " +
                  $"mask * X / (1 - p) {TensorFormatter.ValuesText(maskNaN * torch.ones(6) / (1 - pNaN))}");

// All three are rejected with the value that was wrong. Without the check, NaN would pass: `rand > NaN` is false everywhere,
// so the mask is all 0, and dividing by 1 − NaN makes every element NaN — no error, just a NaN output.

// ## Not relying on any one unit
//
// Back to the notes' reason, "让结果不过度依赖任何一个节点", made concrete. Take one output unit that reads 4 hidden units, all with
// value 1, and two ways of weighting them that give the same output 4 without dropout: **w**ₐ = [4, 0, 0, 0] relies on one unit,
// **w**ᵦ = [1, 1, 1, 1] spreads the work. With dropout p = 0.5 on the hidden units, both outputs are still 4 on average, but
// how far do they scatter around it? If 4 is the target, the mean squared error is exactly that scatter (the variance):

var hidden = torch.ones(samples, 4);                               // 4 hidden units, all 1, many samples
var wOne = torch.tensor(new float[] { 4, 0, 0, 0 });
var wSpread = torch.tensor(new float[] { 1, 1, 1, 1 });
torch.manual_seed(2);
var dropped = DropoutLayer(hidden, 0.5);                            // the same dropout masks for both weightings
foreach (var (name, w) in new[] { ("relies on one unit [4, 0, 0, 0]", wOne), ("spread out [1, 1, 1, 1]     ", wSpread) })
{
    var o = dropped.matmul(w);
    Console.WriteLine($"{name}: without dropout {hidden[0].matmul(w).item<float>()}, with dropout mean {o.mean().item<float>():F3}, " +
                      $"mean squared error to 4: {(o - 4).pow(2).mean().item<float>():F2}");
}

// Both weightings give 4 without dropout and about 4 on average with it (3.989 and 4.000), but the mean squared error is 16.00 for the
// weights that rely on one unit and 4.00 for the spread ones. The exact values are the variance of the weighted sum, p/(1 − p)·Σ wᵢ²hᵢ² (each hᵢ′ has variance hᵢ²·p/(1 − p), and the
// units are dropped independently) = 1 · 16 and 1 · (1 + 1 + 1 + 1). Because the expected output is unchanged, the expected
// squared error under dropout is the squared error without dropout **plus this penalty on large individual weights**. Training with dropout
// therefore pushes the weights towards the spread-out solution — that is the notes' "不过度依赖任何一个节点", computed. For a linear
// output and squared error this is exact, and it is an L2 penalty in which each wᵢ² is weighted by hᵢ² — the weight decay of
// notebook 10 in a data-dependent form. For other losses, such as cross-entropy, the link holds only approximately.

// ## Only while training
//
// Dropout is a training technique. When the trained network is evaluated or used, every unit is present and nothing is random:
// d2l's rule is that dropout is applied only during training. Thanks to the 1/(1 − p) scaling in training, the expected value of
// each unit during training equals its value at test time, so nothing has to be rescaled afterwards. (The original dropout paper
// did it the other way round: no scaling in training, and weights multiplied by 1 − p at test time. Scaling in training, as here,
// is often called *inverted dropout*, and it is what `nn.Dropout` does.)
//
// An `nn.Module` carries a flag `training`: `train()` sets it, `eval()` clears it, and both pass it down to every submodule.
// `nn.Dropout` reads the flag. The same input through the same `nn.Dropout(0.5)` in the two modes:

var dropout = nn.Dropout(0.5);
var ones = torch.ones(2, 8);
torch.manual_seed(3);
dropout.train();
Console.WriteLine($"train(): training = {dropout.training}");
Console.WriteLine($"  first call:\n{TensorFormatter.ValuesText(dropout.forward(ones))}");
Console.WriteLine($"  second call:\n{TensorFormatter.ValuesText(dropout.forward(ones))}");
dropout.eval();
Console.WriteLine($"eval(): training = {dropout.training}");
Console.WriteLine($"  first call:\n{TensorFormatter.ValuesText(dropout.forward(ones))}");
Console.WriteLine($"  second call:\n{TensorFormatter.ValuesText(dropout.forward(ones))}");

// In training mode the two calls give different outputs — different random masks, every kept value 1/(1 − 0.5) = 2 — and
// in evaluation mode the layer returns its input unchanged, the same on every call. This is why a trained network must be put in
// `eval()` before it is evaluated: otherwise its predictions would be random, and on average computed with half of its units.

// ## Dropout on Fashion-MNIST, from scratch
//
// d2l 4.6 puts dropout into an MLP with two hidden layers of 256 units each: 784 → 256 → 256 → 10, ReLU after each hidden layer,
// dropout 0.2 after the first and 0.5 after the second (d2l's advice: less dropout near the input). The data is Fashion-MNIST as in
// notebook 08, in minibatches of 256, and as there we keep libtorch to one thread — for a model this small, splitting each
// operation across cores costs more than it saves.

var fashion = FashionMnist.Load();
torch.set_num_threads(1);
int numInputs = 784, numOutputs = 10, numHiddens1 = 256, numHiddens2 = 256, batchSize = 256, numEpochs = 10;
double dropout1 = 0.2, dropout2 = 0.5, lr = 0.5;
Console.WriteLine($"{fashion.TrainImages.shape[0]} training and {fashion.TestImages.shape[0]} test images");

// From scratch means the dropout is ours: a small `nn.Module` with three `nn.Linear` layers (d2l's `Net` in 4.6.1), whose
// `forward` applies `DropoutLayer` after each hidden layer — only when the module's `training` flag is set. The module gets the
// function and the probabilities from outside, so the class stays independent of the notebook's variables.

// class DropoutMlp: declared at the end of this file (a program declares its types after its statements).

// Training follows d2l: `nn.CrossEntropyLoss` with `reduction: none` (one loss per example; `Trainer` averages them before
// `backward()`, as d2l's `train_epoch_ch3` does for an optimizer), `torch.optim.SGD` with learning rate 0.5, and 10 epochs.
// `Trainer.Train` (d2l's `train_ch3`, notebook 08) gets the module itself, so it can call `train()` on it before every training
// epoch and `eval()` while it measures the test accuracy — which is what switches our dropout on and off.

torch.manual_seed(0);                                                // the same initial weights on every re-run
var (trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize); // ... and the same batch order (fresh, seeded loaders)
var net = new DropoutMlp(numInputs, numOutputs, numHiddens1, numHiddens2, DropoutLayer, dropout1, dropout2);
var loss = nn.CrossEntropyLoss(reduction: nn.Reduction.None);
var trainer = torch.optim.SGD(net.parameters(), lr);
var scratch = Trainer.Train(net, trainIter, testIter, loss.forward, numEpochs, trainer,
    Animator.ForTraining(numEpochs, yLim: (0.3, 1.3)));
Console.WriteLine($"from scratch: train loss {scratch.TrainLoss[^1]:F4}, train acc {scratch.TrainAccuracy[^1]:F4}, test acc {scratch.TestAccuracy[^1]:F4} ({scratch.SecondsPerEpoch.Average():F2} s per epoch)");

// After 10 epochs the network with our dropout reaches a training loss of 0.3327, a training accuracy of 0.8770 and a test
// accuracy of 0.8473 — above the 0.82 this course expects of d2l's network; the chart shows the whole run. Two things in it are
// worth a look:
// - after the first epoch the test accuracy (0.7639) is *higher* than the training accuracy (0.6779). The training accuracy is the
//   average over the epoch's minibatches, measured while the network was still learning *and* with dropout switched on, so it
//   underestimates the network; the test accuracy is measured at the end of the epoch, in `eval()` mode;
// - the test accuracy wobbles (0.8401 after epoch 4, 0.8147 after epoch 5, 0.8590 after epoch 7): lr 0.5 is a large step.
//
// The s per epoch in the last line is from the machine that ran this copy; on a busy machine it can be many times the idle figure.

// ## Dropout, concisely
//
// d2l 4.6.2 builds the same network from library layers: `nn.Dropout` after each hidden ReLU in an `nn.Sequential`, weights
// initialized from N(0, 0.01²) and biases at zero (d2l's `init_weights`). Nothing in the code says "only while training":
// `nn.Dropout` reads the `training` flag that `Trainer.Train` sets through `train()` and `eval()`.

torch.manual_seed(0);
(trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize);
var netConcise = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("linear1", nn.Linear(numInputs, numHiddens1)), ("relu1", nn.ReLU()), ("dropout1", nn.Dropout(dropout1)),
    ("linear2", nn.Linear(numHiddens1, numHiddens2)), ("relu2", nn.ReLU()), ("dropout2", nn.Dropout(dropout2)),
    ("linear3", nn.Linear(numHiddens2, numOutputs)));
foreach (var (name, p) in netConcise.named_parameters())
    using (torch.no_grad()) { if (name.EndsWith("weight")) p.normal_(0, 0.01); else p.zero_(); }
var trainerConcise = torch.optim.SGD(netConcise.parameters(), lr);
var concise = Trainer.Train(netConcise, trainIter, testIter, loss.forward, numEpochs, trainerConcise,
    Animator.ForTraining(numEpochs, yLim: (0.3, 1.3)));
Console.WriteLine($"concise: train loss {concise.TrainLoss[^1]:F4}, train acc {concise.TrainAccuracy[^1]:F4}, test acc {concise.TestAccuracy[^1]:F4} ({concise.SecondsPerEpoch.Average():F2} s per epoch)");

// The concise network ends at train loss 0.3511, train accuracy 0.8714 and test accuracy 0.8419, close to the network from scratch
// (0.3327, 0.8770, 0.8473). The two are the same architecture with the same dropout, but not the same run: the weights start from
// N(0, 0.01²) here and from `nn.Linear`'s default initialization there, and the dropout masks come from different random draws.
// The small initial weights are the likely reason for the slower first epoch here (train loss 1.1993 against 0.8707 from scratch).

// ## With and without dropout: the gap
//
// Does dropout actually narrow the gap between training and test accuracy? The runs above cannot tell: on all 60000
// Fashion-MNIST images, 10 epochs leave this network far from memorizing its training set, and both end with a test accuracy
// within 3 points of the training accuracy (0.8473 against 0.8770, 0.8419 against 0.8714). To see overfitting, the network needs far more capacity than data and enough training
// to memorize it. So the experiment uses a random subset of 1000 training images (about 100 per class), the same 784-256-256-10 network, and 60 epochs:
// 256 + 256 hidden units with about 270 000 weights against 1000 images is plenty of capacity to memorize them. One change from
// d2l's settings: the optimizer is SGD with momentum (动量, d2l 12.6: each step follows a running average of recent gradients,
// which smooths the path) at lr 0.01 and momentum 0.9, with minibatches of 64. It was chosen while this notebook was written
// because plain SGD looked erratic on so few images; that comparison is not part of this notebook. The test set is the full 10000 images.
//
// Two honest measurements matter here. The training accuracy that `Trainer` reports is measured *while* dropout is active, on a
// noisy network; for the gap we evaluate both sets in `eval()` mode, with the whole network. And both runs start from the same
// initial weights and see the same batches; the only difference is p.

int subsetSize = 1000, gapEpochs = 60, gapBatch = 64, evalEvery = 3;
torch.manual_seed(0);
var subset = torch.randperm(fashion.TrainImages.shape[0])[..subsetSize];
var smallX = fashion.TrainImages.index_select(0, subset);
var smallY = fashion.TrainLabels.index_select(0, subset);
Console.WriteLine($"training subset: {subsetSize} images; per class {string.Join(", ", torch.bincount(smallY, minlength: 10).data<long>())}");
// record GapRun: declared at the end of this file (a program declares its types after its statements).

GapRun TrainSmall(double p1, double p2)
{
    torch.manual_seed(0);                                                          // the same initial weights for both runs
    var model = nn.Sequential(nn.Flatten(),
        nn.Linear(numInputs, numHiddens1), nn.ReLU(), nn.Dropout(p1),
        nn.Linear(numHiddens1, numHiddens2), nn.ReLU(), nn.Dropout(p2),
        nn.Linear(numHiddens2, numOutputs));
    var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
    var batches = Minibatches.DataIter(gapBatch, smallX, smallY, shuffle: true, seed: 1);  // the same batch order for both runs
    var run = new GapRun(new(), new(), new(), new());
    for (int epoch = 1; epoch <= gapEpochs; epoch++)
    {
        Trainer.TrainEpoch(model, batches, loss.forward, optimizer);   // puts the model in train()
        if (epoch % evalEvery != 0) continue;
        model.eval();                                                              // the whole network, no dropout
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            var trainLogits = model.forward(smallX);
            var testLogits = model.forward(fashion.TestImages);
            run.Epochs.Add(epoch);
            run.TrainAcc.Add(Metrics.Accuracy(trainLogits, smallY) / subsetSize);
            run.TestAcc.Add(Metrics.Accuracy(testLogits, fashion.TestLabels) / fashion.TestLabels.shape[0]);
            run.TestLoss.Add(loss.forward(testLogits, fashion.TestLabels).mean().item<float>());
        }
    }
    return run;
}

var gapTimer = System.Diagnostics.Stopwatch.StartNew();
var noDropout = TrainSmall(0, 0);
var withDropout = TrainSmall(dropout1, dropout2);
foreach (var (name, r) in new[] { ("without dropout", noDropout), ("with dropout   ", withDropout) })
{
    int last = 5;                                                                  // the last 5 evaluations (epochs 48-60)
    double meanGap = Enumerable.Range(r.Epochs.Count - last, last).Average(i => r.TrainAcc[i] - r.TestAcc[i]);
    Console.WriteLine($"{name}: epoch {gapEpochs}: train acc {r.TrainAcc[^1]:F4}, test acc {r.TestAcc[^1]:F4}, gap {r.TrainAcc[^1] - r.TestAcc[^1]:F4}; " +
                      $"mean gap over epochs {r.Epochs[^last]}-{gapEpochs}: {meanGap:F4}; test loss {r.TestLoss[^1]:F4}");
}
Console.WriteLine($"both runs took {gapTimer.Elapsed.TotalSeconds:F1} s");

// After 60 epochs:
//
// | | train acc | test acc | gap | mean gap, epochs 48–60 | test loss |
// |---|---|---|---|---|---|
// | without dropout | 0.9570 | 0.7870 | 0.1700 | 0.1641 | 0.7612 |
// | with dropout 0.2 / 0.5 | 0.9370 | 0.8009 | 0.1361 | 0.1318 | 0.6309 |
//
// Without dropout the network fits its 1000 training images better (0.957) and the test set worse (0.787); dropout lowers the
// training accuracy by 2 points, raises the test accuracy by 1.4 points, and narrows the gap from 0.170 to 0.136 at epoch 60, or
// from 0.164 to 0.132 averaged over the last five evaluations. The average is there because single evaluations still jump (without
// dropout the training accuracy was 0.931 at epoch 39 and 0.888 at epoch 42, as the plot below shows). This is one seed on one
// subset: the direction is what dropout promises, the size is modest — dropout is not a cure for having only 1000 images.

var gapX = noDropout.Epochs.ToArray();
display(Plots.Plot(gapX, new[] {
        new Series("train, without dropout", noDropout.TrainAcc.ToArray()),
        new Series("test, without dropout", noDropout.TestAcc.ToArray()),
        new Series("train, with dropout 0.2 / 0.5", withDropout.TrainAcc.ToArray(), Markers: true),
        new Series("test, with dropout 0.2 / 0.5", withDropout.TestAcc.ToArray(), Markers: true) },
    xLabel: "epoch (1000 training images)", yLabel: "accuracy (evaluated without dropout)",
    title: "Train and test accuracy with and without dropout"));

// Without dropout (the lines without markers) the training accuracy climbs, with dips, to 0.965 at epoch 57 and 0.957 at the end,
// while the test accuracy levels off around epoch 30 (0.795 there; between 0.770 and 0.799 after it, 0.787 at the end): from then on the extra training
// only memorizes the 1000 images. With dropout (markers) the training accuracy rises more slowly, to 0.937 at the end, and the test accuracy
// creeps up for longer, to 0.805 at epoch 45, and ends at 0.801. From epoch 42 on it is above the run without dropout at every evaluation; up to epoch 39 it was
// below at every evaluation but one (epoch 33) — dropout slows learning down at first.

display(Plots.Plot(gapX, new[] {
        new Series("without dropout", noDropout.TestLoss.ToArray()),
        new Series("with dropout 0.2 / 0.5", withDropout.TestLoss.ToArray(), Markers: true) },
    xLabel: "epoch (1000 training images)", yLabel: "mean cross-entropy on the 10000 test images",
    title: "Test loss with and without dropout"));

// The test loss shows the overfitting more sharply than the accuracy. Without dropout it is lowest, 0.590, at epoch 30 and then
// climbs to 0.761 by epoch 60 while the test accuracy hardly moves: the network grows ever more confident on what it memorized,
// and pays for it on the test images it gets wrong. With dropout it falls, with small bumps, to its lowest, 0.570, at epoch 45, and ends at 0.631.

// ## Summary
//
// - Dropout (暂退法) sets each hidden unit to 0 with probability p in every training step, so no unit can rely on particular
//   others (co-adaptation) and the network must cope with noise in its hidden values.
// - The kept units are divided by 1 − p. This preserves each unit's **expectation**, not a sample's sum: with p = 0.5 the number
//   kept is binomial (exactly half in 27% of the steps for 8 units), a sample's sum ranged from 0 to 72 around its mean 36, and
//   each unit gets variance h²·p/(1 − p).
// - For a weighted sum, that variance is p/(1 − p)·Σ wᵢ²hᵢ², added to the expected squared error: relying on one unit cost 16,
//   spreading the same output over four cost 4 — dropout acts like a weight penalty (notebook 10).
// - Dropout runs only in training: `train()` / `eval()` switch `nn.Dropout` (and our own module's `training` check); in
//   evaluation the layer is the identity.
// - d2l's 784-256-256-10 network with dropout 0.2 / 0.5 reaches test accuracies of 0.8473 (from scratch) and 0.8419 (concise)
//   in 10 epochs.
// - On 1000 training images, dropout narrowed the train/test gap from 0.164 to 0.132 (mean of the last 5 evaluations) and
//   kept the test loss from rising as far (0.631 against 0.761 at epoch 60).
//
// ## Exercises
//
// **Exercise 1 — the scale factor.** With dropout probability p = 0.2, an element that is *kept* is multiplied by what number?

double? answer1 = null; // replace null with your answer
display(Exercises.Notebook11.Exercise1(answer1));

// **Exercise 2 — the noise dropout adds.** A hidden unit has the value h = 6. After dropout with p = 0.25 it is a random number.
// What is its variance?

double? answer2 = null; // replace null with your answer
display(Exercises.Notebook11.Exercise2(answer2));

// **Exercise 3 — what is preserved (a choice).** Dropout with the 1/(1 − p) scaling keeps which of these unchanged?
// (a) the sum of each sample's outputs; (b) the expected value of each output; (c) the number of units dropped in each step;
// (d) the variance of each output. Answer with the letter, e.g. `'a'`.

char? answer3 = null; // replace null with your answer
display(Exercises.Notebook11.Exercise3(answer3));

// **Exercise 4 — a guard for p.** Write a predicate that says whether a number is a valid dropout probability. The checker runs it on several values, including the edge cases.

Func<double, bool> answer4 = null; // replace null with your answer, e.g. p => ...
display(Exercises.Notebook11.Exercise4(answer4));

// The types the lesson declares, from the cells above (a program declares its types after its statements).

class DropoutMlp : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> lin1, lin2, lin3;
    readonly Func<Tensor, double, Tensor> dropoutLayer;
    readonly double dropout1, dropout2;
    readonly int numInputs;

    public DropoutMlp(int numInputs, int numOutputs, int numHiddens1, int numHiddens2,
                      Func<Tensor, double, Tensor> dropoutLayer, double dropout1, double dropout2) : base(nameof(DropoutMlp))
    {
        this.numInputs = numInputs;
        lin1 = nn.Linear(numInputs, numHiddens1);
        lin2 = nn.Linear(numHiddens1, numHiddens2);
        lin3 = nn.Linear(numHiddens2, numOutputs);
        (this.dropoutLayer, this.dropout1, this.dropout2) = (dropoutLayer, dropout1, dropout2);
        RegisterComponents();                                      // makes lin1..lin3 the module's parameters
    }

    public override Tensor forward(Tensor X)
    {
        var H1 = nn.functional.relu(lin1.forward(X.reshape(-1, numInputs)));
        if (training) H1 = dropoutLayer(H1, dropout1);             // dropout only while training
        var H2 = nn.functional.relu(lin2.forward(H1));
        if (training) H2 = dropoutLayer(H2, dropout2);
        return lin3.forward(H2);
    }
}

record GapRun(List<double> Epochs, List<double> TrainAcc, List<double> TestAcc, List<double> TestLoss);

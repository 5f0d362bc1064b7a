package org.vaetexture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.vaetexture.AtomicFiles;
import org.vaetexture.Defaults;
import org.vaetexture.VaeTextureException;
import org.vaetexture.bench.Benchmark;
import org.vaetexture.bench.NoveltyCases;
import org.vaetexture.bench.SegmentationBenchmark;
import org.vaetexture.model.Backend;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.train.TrainingOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: the speed and novelty benchmarks (see README). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
	description = "Benchmarks: throughput of the reference VAE, novelty AUROC/AP on texture-novelty cases, texture segmentation accuracy, large-image memory.")
final class BenchSubcommand implements Callable<Integer> {

	private static final Path SAMPLES = Path.of("sample-images");

	@Spec
	private CommandSpec spec;

	@Option(names = "--seconds", description = "Seconds per speed measurement (default: ${DEFAULT-VALUE}).")
	private double seconds = 10;

	@Option(names = "--novelty-data", paramLabel = "DIR",
		description = "Folder of NAME-train/test/mask.tif cases scored with the development cases made from sample-images/ (default: ${DEFAULT-VALUE}).")
	private Path data = Path.of("../shared/data/novelty-dev");

	@Option(names = "--peer", paramLabel = "torch_vae.py",
		description = "The PyTorch peer script, run with python3 for ratios (default: ${DEFAULT-VALUE}).")
	private Path peer = Path.of("../shared/bench/torch_vae.py");

	@Option(names = "--threads", description = "Threads for VAE Texture (default: ${DEFAULT-VALUE}).")
	private int threads = Defaults.THREADS;

	@Option(names = "--peer-threads", description = "Threads for the PyTorch peer (default: ${DEFAULT-VALUE}).")
	private int peerThreads = 1;

	@Option(names = "--write-held-out", paramLabel = "DIR",
		description = "Only write the held-out novelty cases (made from sample-images/, kept out of every choice) into DIR.")
	private Path heldOut;

	@Option(names = "--write-development", paramLabel = "DIR",
		description = "Only write the development novelty cases made from sample-images/ into DIR.")
	private Path development;

	@Option(names = "--skip-speed", description = "Skip the speed benchmark.")
	private boolean skipSpeed;

	@Option(names = "--skip-novelty", description = "Skip the novelty benchmark.")
	private boolean skipNovelty;

	@Option(names = "--large", paramLabel = "N",
		description = "Also time a novelty map of an N x N image and report peak memory (0: skip; default: ${DEFAULT-VALUE}).")
	private int large = 0;

	@Option(names = "--segmentation",
		description = "Also run the texture segmentation benchmark on the two-texture composites of sample-images/ that its settings were chosen on.")
	private boolean segmentation;

	@Option(names = "--segmentation-held-out",
		description = "Also run the segmentation benchmark on pairs no setting was chosen on (a texture beside itself enlarged; gravel beside brick, both turned; four more pairs of turned or enlarged textures).")
	private boolean segmentationHeldOut;

	@Option(names = "--smoothing", paramLabel = "R",
		description = "Smoothing radius for --segmentation and --segmentation-held-out (default: 3/4 of the tile size).")
	private int smoothing = Defaults.SMOOTHING;

	@Option(names = "--beta", description = "Beta for the novelty and segmentation cases (default: ${DEFAULT-VALUE}).")
	private double beta = Defaults.BETA;

	@Option(names = "--epochs", description = "Epochs for the novelty and segmentation cases (default: ${DEFAULT-VALUE}).")
	private int epochs = Defaults.EPOCHS;

	@Option(names = "--seed", description = "Seed for the novelty and segmentation cases (default: ${DEFAULT-VALUE}).")
	private long seed = Defaults.SEED;

	@Override
	public Integer call() throws IOException {
		if (threads < 1 || peerThreads < 1) throw new VaeTextureException(
			"--threads and --peer-threads must be at least 1");
		if (!(seconds > 0 && seconds <= 3600)) throw new VaeTextureException(
			"--seconds must be above 0 and at most 3600, got " + seconds);
		if (large < 0 || large > 65536) throw new VaeTextureException(
			"--large must be from 0 (skip) to 65536, got " + large);
		if (heldOut != null || development != null) {
			if (heldOut != null) NoveltyCases.writeHeldOut(SAMPLES, heldOut);
			if (development != null) NoveltyCases.writeDevelopment(SAMPLES, development);
			spec.commandLine().getErr().println("wrote the novelty cases");
			return 0;
		}
		Backend.useThreads(threads);
		final Benchmark bench = new Benchmark(spec.commandLine().getOut());
		final TrainingOptions options = TrainingOptions.builder().epochs(epochs).seed(seed).build();
		if (!skipSpeed) bench.speed(seconds, peer, peerThreads);
		if (!skipNovelty) {
			if (!Files.isDirectory(data)) throw new VaeTextureException("--novelty-data '" + data +
				"' is not a folder; give the folder of the novelty cases or --skip-novelty");
			final Path cases = Files.createTempDirectory("vae-texture-novelty-cases");
			try {
				NoveltyCases.writeDevelopment(SAMPLES, cases.resolve("development"));
				NoveltyCases.writeHeldOut(SAMPLES, cases.resolve("held-out"));
				bench.novelty("development cases (settings chosen on these)", List.of(data, cases.resolve(
					"development")), VaeConfig.builder().beta(beta), options);
				bench.novelty("held-out cases (kept out of every choice)", List.of(cases.resolve(
					"held-out")), VaeConfig.builder().beta(beta), options);
			}
			finally {
				AtomicFiles.deleteFolder(cases);
			}
		}
		final SegmentationBenchmark segmentations = new SegmentationBenchmark(spec.commandLine()
			.getOut());
		if (segmentation) segmentations.run(SAMPLES, VaeConfig.builder().beta(beta),
			options, smoothing, SegmentationBenchmark.PAIRS);
		if (segmentationHeldOut) segmentations.run(SAMPLES, VaeConfig.builder().beta(
			beta), options, smoothing, SegmentationBenchmark.HELD_OUT);
		if (large > 0) bench.large(SAMPLES.resolve("gravel.tif"), large);
		return 0;
	}
}

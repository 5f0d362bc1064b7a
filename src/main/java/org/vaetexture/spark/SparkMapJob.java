package org.vaetexture.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.vaetexture.Defaults;
import org.vaetexture.VaeTextureException;
import org.vaetexture.api.Monitor;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkTask;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.chunked.ChunkedMapJob;
import org.vaetexture.model.ModelFingerprint;
import org.vaetexture.model.VaeModel;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.segment.TextureClasses;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The maps on Apache Spark: {@code MAP --model M.zip --input IN.zarr --output OUT.zarr}, one Spark
 * task per output chunk of {@link ChunkedMapJob}, so the result equals the single-machine map bit
 * for bit. The driver checks the input, creates the output and lists the chunks not yet written (a
 * stopped job resumes); the model file travels as a broadcast of its bytes and each executor JVM
 * loads it once, checked by its fingerprint. Run by {@code spark-submit --class} on a cluster or
 * with {@code --master local[N]} on one machine.
 */
@Command(name = "vae-texture-spark", mixinStandardHelpOptions = true, sortOptions = false,
	description = "Writes a map of an OME-Zarr, Zarr or N5 image into OME-Zarr with Apache Spark, one task per output chunk.")
public final class SparkMapJob implements Callable<Integer> {

	@Spec
	private CommandLine.Model.CommandSpec spec;

	@Parameters(index = "0", paramLabel = "MAP",
		description = "features, kl, novelty, novelty-mask or labels (with --centres or --classes).")
	private String map;

	@Option(names = "--model", required = true, paramLabel = "M.zip", description = "Model file.")
	private Path model;

	@Option(names = "--input", required = true, paramLabel = "IN.zarr",
		description = "OME-Zarr image, Zarr array or N5 dataset.")
	private Path input;

	@Option(names = "--output", required = true, paramLabel = "OUT.zarr",
		description = "OME-Zarr folder to write (chunks already there are kept).")
	private Path output;

	@Option(names = "--centres", paramLabel = "C.json",
		description = "Texture classes saved by segment --write-centres, for the labels map.")
	private Path centres;

	@Option(names = "--classes", paramLabel = "K",
		description = "For labels without --centres: fit K texture classes on the driver, to a seeded sample of the image's blocks.")
	private Integer classCount;

	@Option(names = "--seed", paramLabel = "S", description = "Seed of that sample (default: ${DEFAULT-VALUE}).")
	private long seed = Defaults.SEED;

	@Option(names = "--write-centres", paramLabel = "C.json",
		description = "Also write the classes used, to label other images with them.")
	private Path writeCentres;

	@Option(names = "--chunk", paramLabel = "N",
		description = "Side of an output chunk, a multiple of 256 (default: ${DEFAULT-VALUE}).")
	private int chunk = Defaults.CHUNK;

	@Option(names = "--compression", paramLabel = "CODEC",
		description = "raw, zlib, gzip, blosc-lz4 or blosc-zstd, optionally :LEVEL (default: ${DEFAULT-VALUE}).")
	private String compression = Defaults.COMPRESSION;

	@Option(names = "--master", paramLabel = "URL",
		description = "Spark master, e.g. local[2] (default: what spark-submit sets).")
	private String master;

	@Option(names = "--conf", paramLabel = "KEY=VALUE",
		description = "A Spark setting, e.g. spark.ui.enabled=false (repeatable).")
	private Map<String, String> conf = new LinkedHashMap<>();

	public static void main(final String... args) {
		// on one machine (java -jar) the job logs through slf4j-simple: warnings only; on a cluster
		// Spark's own logging comes first on the class path and this is not read
		if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) System.setProperty(
			"org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.exit(run(System.out, System.err, args));
	}

	/**
	 * Runs the job. Exit 0 on success; bad input (here or in a task) prints one {@code error: ...}
	 * line and exits 2, as the command line does; an internal failure exits 1.
	 */
	public static int run(final PrintStream out, final PrintStream err, final String... args) {
		final CommandLine cli = new CommandLine(new SparkMapJob());
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		cli.setParameterExceptionHandler((e, a) -> {
			err.println("error: " + e.getMessage() + " (see --help)");
			return 2;
		});
		cli.setExecutionExceptionHandler((e, line, parsed) -> {
			for (Throwable c = e; c != null; c = c.getCause())
				if (c instanceof VaeTextureException) {
					err.println("error: " + c.getMessage());
					return 2;
				}
			err.println("error: internal failure, please report it: " + e);
			return 1;
		});
		return cli.execute(args);
	}

	@Override
	public Integer call() throws IOException {
		final VaeModel m = VaeTexture.load(model);
		if (!"labels".equals(map) && (centres != null || classCount != null)) throw new VaeTextureException(
			"--centres and --classes are for the labels map; leave them out for " + map);
		final TextureClasses saved = "labels".equals(map) ? classes(m) : null;
		final byte[] classBytes = saved == null ? null : bytes(saved);
		final ChunkedMap what = ChunkedMap.named(map, saved);
		final ChunkedMapJob job = VaeTexture.mapJob(m, input, output, what, chunk, compression);
		final List<ChunkTask> pending = job.tasks().stream().filter(t -> !job.isWritten(t)).collect(
			Collectors.toList());
		final ExecutorJob executorJob = new ExecutorJob(ModelFingerprint.of(m), map, classBytes, input
			.toAbsolutePath().toString(), output.toAbsolutePath().toString(), chunk, compression);
		final SparkConf sparkConf = new SparkConf().setAppName("VAE Texture " + map + " of " + input
			.getFileName());
		if (master != null) sparkConf.setMaster(master);
		conf.forEach(sparkConf::set);
		final long start = System.nanoTime();
		long written = 0;
		if (!pending.isEmpty()) try (JavaSparkContext spark = new JavaSparkContext(sparkConf)) {
			spark.sc().addSparkListener(new TaskProgress(spec.commandLine().getErr(), map + " map of " +
				input.getFileName(), pending.size()));
			final Broadcast<byte[]> modelBytes = spark.broadcast(Files.readAllBytes(model));
			written = spark.parallelize(pending, pending.size()).map(task -> executorJob.run(modelBytes
				.value(), task) ? 1L : 0L).reduce(Long::sum);
		}
		spec.commandLine().getErr().println(String.format(Locale.ROOT,
			"wrote %d chunk(s) to %s in %.1f s (%d of %d were there already)", written, output, (System
				.nanoTime() - start) / 1e9, job.tasks().size() - pending.size(), job.tasks().size()));
		return 0;
	}

	/**
	 * The classes of --centres, or fitted on the driver to a seeded sample of the image's blocks
	 * (--classes K, --seed), written to --write-centres if given.
	 */
	private TextureClasses classes(final VaeModel m) {
		if (centres == null && classCount == null) throw new VaeTextureException(
			"the labels map needs --centres C.json, or --classes K to fit classes here");
		final TextureClasses classes = centres != null ? VaeTexture.loadClasses(centres) : VaeTexture
			.fitClasses(m, input, SegmentationOptions.defaults().withClasses(classCount).withSeed(seed),
				Monitor.NONE);
		if (centres != null && classCount != null && classCount != classes.count())
			throw new VaeTextureException("--centres '" + centres + "' holds " + classes.count() +
				" classes but --classes says " + classCount);
		if (writeCentres != null) VaeTexture.saveClasses(classes, writeCentres);
		return classes;
	}

	/** The classes as their file's bytes, for the executors. */
	private static byte[] bytes(final TextureClasses classes) throws IOException {
		final Path file = Files.createTempFile("vae-texture-classes-", ".json");
		try {
			VaeTexture.saveClasses(classes, file);
			return Files.readAllBytes(file);
		}
		finally {
			Files.delete(file);
		}
	}
}

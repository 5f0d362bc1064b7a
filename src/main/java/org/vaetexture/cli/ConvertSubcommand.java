package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vaetexture.api.VaeTexture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convert}: an image file as OME-Zarr, the input of the block-wise and cluster maps. */
@Command(name = "convert", mixinStandardHelpOptions = true,
	description = "Writes an image (TIFF or anything ImageJ opens, or a Zarr or N5 array) as OME-Zarr, in its own pixel type (32-bit integers and float64 as float32).")
final class ConvertSubcommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private SharedOptions.Input input;

	@Option(names = "--output", required = true, paramLabel = "OUT.zarr",
		description = "OME-Zarr folder to create.")
	private Path output;

	@Mixin
	private SharedOptions.Zarr zarr;

	@Override
	public Integer call() {
		final ConsoleMonitor monitor = new ConsoleMonitor(spec.commandLine().getErr(), "of " + input.file
			.getFileName());
		VaeTexture.convert(input.file, output, zarr.chunk, zarr.compression, monitor);
		monitor.done();
		spec.commandLine().getErr().println("wrote " + output);
		return 0;
	}
}

// Run by gui-tests.sh inside a real ImageJ 1.x GUI (-macro, not -batch). Argument: "OUT|IMAGE".
// Each step appends key=value to OUT/result.txt, so a failure shows where it stopped.
args = split(getArgument(), "|");
out = args[0];
image = args[1];
result = out + File.separator + "result.txt";
labels = newArray("Train VAE", "Extract Texture Tiles", "Latent Feature Maps", "Novelty Heatmap",
	"Reconstruct", "Generate Tiles", "Segment Textures", "Latent Map Overview", "Latent Traversal",
	"Reconstruct Tiles");
File.append("plugins_dir=" + getDirectory("plugins"), result);
List.setCommands;
missing = "";
for (i = 0; i < labels.length; i++)
	if (List.get(labels[i]) == "") missing = missing + "[" + labels[i] + "]";
File.append("commands_missing=" + missing, result);
File.append("train_vae_runs=" + List.get("Train VAE"), result);
open(image);
model = out + File.separator + "gui-model.zip";
t0 = getTime();
run("Train VAE", "model=[" + model + "] tile_size=16 latent_dim=4 epochs=1 seed=1");
File.append("model_written=" + File.exists(model), result);
if (!File.exists(model)) failed("training wrote no model");
File.append("train_s=" + (getTime() - t0) / 1000, result);
t0 = getTime();
run("Novelty Heatmap", "model=[" + model + "]");
File.append("novelty_shown=" + isOpen("novelty"), result);
if (!isOpen("novelty")) failed("no novelty window");
File.append("novelty_s=" + (getTime() - t0) / 1000, result);
selectImage("novelty");
run("Enhance Contrast", "saturated=0.35");
wait(500);
run("Capture Screen");
saveAs("PNG", out + File.separator + "screenshot.png");
File.append("screenshot_saved=" + File.exists(out + File.separator + "screenshot.png"), result);
File.append("done=true", result);

// Saves the screen and the text of ImageJ's Exception and Log windows, then stops the macro.
function failed(what) {
	File.append("failed=" + what, result);
	run("Capture Screen");
	saveAs("PNG", out + File.separator + "failure.png");
	titles = getList("window.titles");
	for (i = 0; i < titles.length; i++) {
		selectWindow(titles[i]);
		File.append("window " + titles[i] + ":\n" + getInfo("window.contents"), result);
	}
	File.append("log:\n" + getInfo("log"), result);
	exit;
}

package org.vaetexture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java example of README's "Java library" section compiles against the project as it is. */
class ReadmeExampleTest {

	@TempDir
	Path dir;

	@Test
	void theLibraryExampleCompiles() throws IOException {
		final String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		final int section = readme.indexOf("\n## Java library");
		assertTrue(section >= 0, "README has a Java library section");
		final int start = readme.indexOf("```java\n", section) + "```java\n".length();
		final String code = readme.substring(start, readme.indexOf("```", start));
		assertTrue(code.contains("public class NoveltyExample"), code);
		final Path source = Files.writeString(dir.resolve("NoveltyExample.java"), code);
		final String classPath = System.getProperty("surefire.test.class.path", System.getProperty(
			"java.class.path"));
		final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		final StringWriter messages = new StringWriter();
		final boolean ok = javac.getTask(messages, null, null, List.of("-classpath", classPath, "-d", dir
			.toString()), null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
				.getJavaFileObjects(source)).call();
		assertTrue(ok, messages.toString());
		assertTrue(Files.isRegularFile(dir.resolve("NoveltyExample.class")));
	}
}

package org.cyclecolor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/errors.md is checkable, not just prose: each row's quoted message text is part of a string
 * literal in the main code, and the row's test method exists and asserts that very text (the named
 * tests run in the suite, so each listed message is produced by its test).
 */
class ErrorCatalogueTest {

	private static final Path CATALOGUE = Paths.get("docs", "errors.md");
	private static final Pattern ROW = Pattern.compile(
		"^\\| (\\d+) \\| ([^|]+) \\| `([^`]+)` \\|[^|]+\\|[^|]+\\| `([\\w.]+)#(\\w+)` \\|$");
	private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	record Row(int number, String area, String message, String testClass, String testMethod) {}

	static List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8)) {
			if (!line.startsWith("| ") || line.startsWith("| #") || line.startsWith("|---")) continue;
			Matcher m = ROW.matcher(line);
			assertTrue(m.matches(), "a catalogue row not in the form | # | area | `message` | cause | fix | `pkg.Class#method` |: " + line);
			rows.add(new Row(Integer.parseInt(m.group(1)), m.group(2).trim(), m.group(3), m.group(4), m.group(5)));
		}
		return rows;
	}

	@Test
	void theCatalogueCoversAtLeastTwentyFiveErrorsAcrossTheSuite() throws IOException {
		List<Row> rows = rows();
		assertTrue(rows.size() >= 25, rows.size() + " entries");
		for (int i = 0; i < rows.size(); i++) assertEquals(i + 1, rows.get(i).number(), "rows are numbered 1, 2, 3, ...");
		Set<String> areas = rows.stream().map(Row::area).collect(Collectors.toSet());
		assertTrue(areas.containsAll(Set.of("images", "files", "models", "datasets", "devices")), areas.toString());
		Set<String> messages = new HashSet<>();
		for (Row r : rows) assertTrue(messages.add(r.message()), "listed twice: " + r.message());
	}

	@Test
	void everyMessageIsInTheCodeAndAssertedByItsTest() throws IOException {
		List<String> literals = literals(Paths.get("src", "main", "java"));
		List<String> problems = new ArrayList<>();
		for (Row r : rows()) {
			if (literals.stream().noneMatch(s -> s.contains(r.message()))) {
				problems.add("#" + r.number() + ": no string in src/main/java contains '" + r.message() + "'");
			}
			Path test = Paths.get("src", "test", "java", "org", "cyclecolor", r.testClass().replace('.', '/') + ".java");
			if (!Files.isRegularFile(test)) {
				problems.add("#" + r.number() + ": no test class " + test);
				continue;
			}
			String body = methodBody(Files.readString(test, StandardCharsets.UTF_8), r.testMethod());
			if (body == null) {
				problems.add("#" + r.number() + ": " + r.testClass() + " has no test method " + r.testMethod());
			}
			else if (literalsOf(body).stream().noneMatch(s -> s.contains(r.message()))) {
				problems.add("#" + r.number() + ": " + r.testClass() + "#" + r.testMethod() + " does not assert '" + r.message() + "'");
			}
		}
		assertTrue(problems.isEmpty(), String.join("\n", problems));
	}

	/** The method's annotations and body, from {@code void name(} to its closing brace; null when absent or not a test. */
	static String methodBody(String source, String method) {
		Matcher m = Pattern.compile("@Test\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*void " + method + "\\(").matcher(source);
		if (!m.find()) return null;
		int open = source.indexOf('{', m.end());
		int depth = 0;
		for (int i = open; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '{') depth++;
			else if (c == '}' && --depth == 0) return source.substring(open, i + 1);
		}
		return null;
	}

	static List<String> literals(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
				try {
					return literalsOf(Files.readString(p, StandardCharsets.UTF_8)).stream();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).collect(Collectors.toList());
		}
	}

	static List<String> literalsOf(String source) {
		List<String> out = new ArrayList<>();
		Matcher m = STRING_LITERAL.matcher(source);
		while (m.find()) out.add(m.group(1).replace("\\'", "'").replace("\\\"", "\""));
		return out;
	}
}

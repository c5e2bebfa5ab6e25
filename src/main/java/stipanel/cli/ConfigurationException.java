package stipanel.cli;

/**
 * What is wrong with the run's configuration (a plan file, a folder that cannot be made or written): found before
 * any work, exit 2, because retrying will not help until a person fixes it. The message is for the office, in Chinese.
 */
public final class ConfigurationException extends IllegalArgumentException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}

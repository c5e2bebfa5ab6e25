package stipanel;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import stipanel.cli.Cli;

/** sti-panel: county science-and-technology indicator panel. See README.md; {@code --help} lists the commands. */
@SpringBootApplication
public class StiPanelApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }
}
